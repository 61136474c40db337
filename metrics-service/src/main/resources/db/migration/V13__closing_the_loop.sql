-- Issue 17, closing the loop.

-- Assignments as training-service announces them on uptake.training-events, each as it stands after the
-- newest event read (an older event never overwrites a newer one): what training effectiveness reads.
create table training_assignment (
    assignment_id uuid         primary key,
    user_id       varchar(100) not null,
    business_unit varchar(100),
    kind          varchar(16)  not null,
    skill         varchar(100),
    module_id     varchar(100),
    module_title  varchar(300),
    mode          varchar(32),
    status        varchar(32)  not null,
    assigned_at   timestamptz  not null,
    completed_at  timestamptz,
    event_at      timestamptz  not null
);
create index training_assignment_completed on training_assignment (completed_at) where completed_at is not null;
create index training_assignment_user on training_assignment (user_id);

-- A manager's conversation with a person about a shortfall: the root cause found and the action agreed.
create table follow_up (
    id            uuid          primary key,
    user_id       varchar(100)  not null,
    business_unit varchar(100),
    met_on        date          not null,
    root_cause    varchar(64)   not null,
    notes         varchar(4000),
    action_kind   varchar(64),
    action_text   varchar(1000),
    action_skill  varchar(100),
    action_due_on date,
    recorded_by   varchar(100)  not null,
    recorded_at   timestamptz   not null default now()
);
create index follow_up_user on follow_up (user_id, met_on);
create index follow_up_unit on follow_up (business_unit, met_on);

-- A unit's own way with an action, approved as a productive local practice: still shown, no longer flagged.
create table approved_practice (
    business_unit varchar(100)  not null,
    action        varchar(64)   not null,
    reason        varchar(1000) not null,
    approved_by   varchar(100)  not null,
    approved_at   timestamptz   not null default now(),
    primary key (business_unit, action)
);

-- Rules of order: every then_action on an object must follow a first_action on the same object within
-- within_days; for one business unit, or the whole organisation (business_unit null).
create table process_rule (
    id           uuid         primary key,
    name         varchar(200) not null,
    business_unit varchar(100),
    first_action varchar(64)  not null,
    then_action  varchar(64)  not null,
    within_days  int          not null,
    created_by   varchar(100) not null,
    created_at   timestamptz  not null default now()
);

-- The CRM object an event was about (optional), so that rules of order can follow one object.
alter table usage_event add column object_id varchar(100);
create index usage_event_object on usage_event (object_id, action, occurred_at) where object_id is not null;
-- The events a rule checks: one action over a range of days, those with an object only.
create index usage_event_action_with_object on usage_event (action, day) where object_id is not null;
