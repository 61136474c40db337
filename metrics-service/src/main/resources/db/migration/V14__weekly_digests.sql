-- Issue 17, the weekly digest: each person's digest (per role) is published once per week, recorded in the
-- statement that writes it to the outbox; and when each training is due, so that a digest can name overdue training.
create table digest_sent (
    recipient  varchar(100) not null,
    role       varchar(16)  not null,
    week_start date         not null,
    sent_at    timestamptz  not null default now(),
    primary key (week_start, role, recipient)
);

alter table training_assignment add column due_on date;
create index training_assignment_open on training_assignment (business_unit, due_on)
    where status not in ('COMPLETED', 'CANCELLED');
