-- The question bank: options as a JSON array of strings, the answer key as JSON (never sent to a taker).
create table question (
    id         uuid          primary key,
    skill      varchar(64)   not null references skill (code),
    type       varchar(10)   not null check (type in ('SINGLE', 'MULTIPLE', 'ORDER', 'NUMBER')),
    prompt     varchar(2000) not null,
    options    jsonb         not null,
    answer     jsonb         not null,
    tolerance  double precision,
    difficulty integer       not null,
    created_at timestamptz   not null default now()
);
create index question_by_skill on question (skill);

-- A test: a blueprint (questions per skill, optional pass mark per skill), limits and its audience.
create table competency_test (
    id                 uuid          primary key,
    name               varchar(200)  not null,
    blueprint          jsonb         not null,
    time_limit_minutes integer       not null,
    pass_mark          integer       not null,
    retake_after_hours integer       not null,
    business_units     varchar(200)[] not null,
    job_roles          varchar(200)[] not null,
    created_at         timestamptz   not null default now()
);

-- One person's attempt; at most one open (unsubmitted) attempt per person and test.
create table attempt (
    id            uuid         primary key,
    test_id       uuid         not null references competency_test (id),
    user_id       varchar(100) not null,
    business_unit varchar(200),
    job_role      varchar(200),
    started_at    timestamptz  not null,
    deadline      timestamptz  not null,
    submitted_at  timestamptz,
    passed        boolean,
    result        jsonb
);
create unique index attempt_one_open on attempt (test_id, user_id) where submitted_at is null;
create index attempt_by_user on attempt (user_id, test_id, submitted_at);

-- The questions drawn for an attempt, with the opaque option ids shown to the taker: option_ids[i]
-- is displayed i-th and stands for the original option option_order[i]. The saved answer is as sent.
create table attempt_question (
    attempt_id   uuid         not null references attempt (id),
    position     integer      not null,
    question_id  uuid         not null references question (id),
    option_ids   varchar(40)[] not null,
    option_order integer[]    not null,
    answer       jsonb,
    answered_at  timestamptz,
    primary key (attempt_id, question_id)
);

-- The latest score of each person on each skill (the competency matrix).
create table skill_score (
    user_id       varchar(100) not null,
    skill         varchar(64)  not null,
    score         integer      not null,
    passed        boolean      not null,
    attempt_id    uuid         not null,
    business_unit varchar(200),
    job_role      varchar(200),
    scored_at     timestamptz  not null,
    primary key (user_id, skill)
);

create table training_module (
    id               uuid          primary key,
    title            varchar(200)  not null,
    skills           varchar(64)[] not null,
    mode             varchar(20)   not null check (mode in ('ELEARNING', 'INSTRUCTOR_LED')),
    duration_minutes integer       not null,
    url              varchar(2000),
    created_at       timestamptz   not null default now()
);

create table training_session (
    id          uuid         primary key,
    module_id   uuid         not null references training_module (id),
    starts_at   timestamptz  not null,
    location    varchar(200) not null,
    capacity    integer      not null check (capacity > 0),
    seats_taken integer      not null default 0,
    check (seats_taken between 0 and capacity)
);
create index session_by_module on training_session (module_id, starts_at);

create table enrolment (
    session_id    uuid         not null references training_session (id),
    user_id       varchar(100) not null,
    assignment_id uuid,
    created_at    timestamptz  not null default now(),
    primary key (session_id, user_id)
);

create table training_policy (
    business_unit  varchar(200) primary key,
    threshold      integer      not null,
    preferred_mode varchar(20)  not null,
    due_in_days    integer      not null,
    updated_at     timestamptz  not null default now()
);

-- What a person has to do: a TRAINING (a module for a skill) or a TEST (take a test, or re-test a skill).
create table assignment (
    id            uuid         primary key,
    user_id       varchar(100) not null,
    business_unit varchar(200),
    kind          varchar(10)  not null check (kind in ('TRAINING', 'TEST')),
    skill         varchar(64),
    module_id     uuid references training_module (id),
    mode          varchar(20),
    test_id       uuid references competency_test (id),
    session_id    uuid references training_session (id),
    status        varchar(20)  not null,
    due_on        date         not null,
    reason        jsonb        not null,
    created_by    varchar(100) not null,
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now(),
    completed_at  timestamptz
);
create index assignment_by_user on assignment (user_id, status);
create index assignment_by_unit on assignment (business_unit, status);
-- A test is assigned to a person once while that assignment is open.
create unique index assignment_one_open_test on assignment (user_id, test_id, coalesce(skill, ''))
    where kind = 'TEST' and status in ('ASSIGNED', 'IN_PROGRESS', 'OVERDUE');

-- The roster as this service knows it, from uptake.people.
create table person (
    user_id       varchar(100) primary key,
    display_name  varchar(200),
    business_unit varchar(200),
    job_role      varchar(200),
    active        boolean      not null default true,
    updated_at    timestamptz  not null default now()
);
create index person_by_unit on person (business_unit);

-- Events from other services already acted upon: written in the same transaction as the effect.
create table processed_event (
    event_key    varchar(300) primary key,
    processed_at timestamptz  not null default now()
);

-- Facts for uptake.training-events, written in the transaction of the change and relayed to Kafka.
create table outbox (
    id         bigserial    primary key,
    channel    varchar(50)  not null,
    key        varchar(100) not null,
    payload    text         not null,
    created_at timestamptz  not null default now()
);
