-- The roster: everyone who is expected to use the CRM, whether or not they ever produce an event.
create table person (
    user_id       varchar(100) primary key,
    display_name  varchar(200) not null,
    email         varchar(254),
    business_unit varchar(100) not null,
    job_role      varchar(100) not null,
    manager_id    varchar(100),
    executive     boolean      not null default false,
    active        boolean      not null default true,
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now()
);

create index person_business_unit on person (business_unit);

-- Roster changes waiting to be published to the compacted topic uptake.people. Written in the same
-- transaction as the change, deleted once Kafka has the record: no change is ever lost.
create table person_outbox (
    id         bigserial    primary key,
    user_id    varchar(100) not null,
    payload    text         not null,
    created_at timestamptz  not null default now()
);
