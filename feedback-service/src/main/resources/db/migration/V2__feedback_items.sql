-- Feedback items and everything people do with them: votes, follows, comments, status history.
create table feedback_item (
    id                 bigserial     primary key,
    kind               varchar(16)   not null check (kind in ('IDEA', 'PROBLEM', 'QUESTION', 'PRAISE')),
    title              varchar(200)  not null,
    description        text          not null,
    area               varchar(64)   not null references area (code),
    status             varchar(16)   not null default 'SUBMITTED',
    submitted_by       varchar(100)  not null,
    business_unit      varchar(100),
    votes              integer       not null default 0,
    duplicate_of       bigint        references feedback_item (id),
    version            integer       not null default 0,
    created_at         timestamptz   not null default now(),
    updated_at         timestamptz   not null default now(),
    first_response_at  timestamptz,
    implemented_at     timestamptz,
    search             tsvector      generated always as (
                           setweight(to_tsvector('english', title), 'A') ||
                           setweight(to_tsvector('english', left(description, 20000)), 'B')) stored
);

create index feedback_item_search on feedback_item using gin (search);
create index feedback_item_newest on feedback_item (created_at desc, id desc);
create index feedback_item_votes on feedback_item (votes desc, id desc);
create index feedback_item_status on feedback_item (status, created_at);
create index feedback_item_submitter on feedback_item (submitted_by);

create table item_vote (
    item_id  bigint        not null references feedback_item (id),
    user_id  varchar(100)  not null,
    voted_at timestamptz   not null default now(),
    primary key (item_id, user_id)
);

create table item_follow (
    item_id     bigint        not null references feedback_item (id),
    user_id     varchar(100)  not null,
    followed_at timestamptz   not null default now(),
    primary key (item_id, user_id)
);

create table item_comment (
    id         bigserial     primary key,
    item_id    bigint        not null references feedback_item (id),
    author     varchar(100)  not null,
    body       text          not null,
    official   boolean       not null,
    created_at timestamptz   not null default now()
);
create index item_comment_item on item_comment (item_id, id);

create table status_change (
    id           bigserial     primary key,
    item_id      bigint        not null references feedback_item (id),
    actor        varchar(100)  not null,
    from_status  varchar(16)   not null,
    to_status    varchar(16)   not null,
    note         text,
    changed_at   timestamptz   not null default now()
);
create index status_change_item on status_change (item_id, id);

-- Facts for Kafka, written in the same transaction as the change and deleted once Kafka has them.
create table outbox (
    id         bigserial    primary key,
    key        varchar(100) not null,
    payload    text         not null,
    created_at timestamptz  not null default now()
);

-- What the feedback events turned into. Each unique key makes a redelivered event change nothing.
create table notification (
    id         bigserial     primary key,
    recipient  varchar(100)  not null,
    event_id   uuid          not null,
    item_id    bigint        not null,
    kind       varchar(32)   not null,
    message    text          not null,
    created_at timestamptz   not null default now(),
    read_at    timestamptz,
    unique (event_id, recipient)
);
create index notification_inbox on notification (recipient, id desc);

create table celebration (
    event_id      uuid          primary key,
    item_id       bigint        not null,
    title         varchar(200)  not null,
    submitted_by  varchar(100)  not null,
    business_unit varchar(100),
    votes         integer       not null,
    implemented_at timestamptz  not null,
    created_at    timestamptz   not null default now()
);
create index celebration_newest on celebration (implemented_at desc);

create table webhook (
    id          bigserial     primary key,
    url         varchar(2000) not null,
    secret      varchar(200)  not null,
    events      varchar(64)[] not null,
    created_by  varchar(100)  not null,
    created_at  timestamptz   not null default now(),
    active      boolean       not null default true
);

-- One row per webhook and event: pending until delivered or given up.
create table webhook_job (
    id              bigserial    primary key,
    webhook_id      bigint       not null references webhook (id),
    event_id        uuid         not null,
    payload         text         not null,
    state           varchar(16)  not null default 'PENDING',
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null default now(),
    created_at      timestamptz  not null default now(),
    unique (webhook_id, event_id)
);
create index webhook_job_due on webhook_job (next_attempt_at) where state = 'PENDING';

create table webhook_delivery (
    id          bigserial     primary key,
    job_id      bigint        not null references webhook_job (id),
    webhook_id  bigint        not null,
    event_id    uuid          not null,
    attempt     integer       not null,
    status_code integer,
    error       varchar(500),
    succeeded   boolean       not null,
    attempted_at timestamptz  not null default now()
);
create index webhook_delivery_hook on webhook_delivery (webhook_id, id desc);
