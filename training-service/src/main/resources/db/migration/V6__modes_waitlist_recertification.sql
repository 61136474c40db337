-- Issue 17. Per business unit, optional (null: the service's default): from which gap below the pass
-- mark retraining is instructor-led rather than eLearning, and how many months a passed skill stays valid.
alter table training_policy add column instructor_led_from_gap integer check (instructor_led_from_gap between 1 and 100);
alter table training_policy add column valid_months integer check (valid_months between 1 and 120);

-- The mode a person prefers to learn in (wins where a module for the skill exists in it).
create table learning_preference (
    user_id        varchar(100) primary key,
    preferred_mode varchar(20)  not null check (preferred_mode in ('ELEARNING', 'INSTRUCTOR_LED')),
    updated_at     timestamptz  not null default now()
);

-- People waiting for a seat in a full session, first come first served (id order). Written and
-- promoted only while holding the session row's lock, so the order is the order of the requests.
create table waitlist (
    id            bigserial    primary key,
    session_id    uuid         not null references training_session (id),
    user_id       varchar(100) not null,
    assignment_id uuid,
    created_at    timestamptz  not null default now(),
    unique (session_id, user_id)
);
create index waitlist_by_assignment on waitlist (assignment_id);
