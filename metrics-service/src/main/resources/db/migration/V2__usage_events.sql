-- Usage events, deduplicated by event id, and their person x day x action rollups.
-- The consumer inserts new event ids and adds only those to the rollups, in one statement.
create table usage_event (
    event_id    uuid          primary key,
    user_id     varchar(100)  not null,
    action      varchar(64)   not null,
    occurred_at timestamptz   not null,
    day         date          not null,
    object_type varchar(100),
    source      varchar(100),
    received_at timestamptz   not null default now()
);

create table daily_rollup (
    user_id varchar(100) not null,
    day     date         not null,
    action  varchar(64)  not null,
    events  bigint       not null,
    primary key (user_id, day, action)
);

create index daily_rollup_day on daily_rollup (day);
