-- The events that arrived under a name no mapping named yet (a Segment track or page name, a Salesforce event type),
-- as they would have counted, so that an admin who maps the name later may ask for them to be counted
-- (PUT /api/metrics/event-mappings/{name}?recount=true). Kept for the lateness window (90 days), like any late event.
create table unmapped_occurrence (
    name        varchar(200) not null,
    event_id    uuid         not null,
    user_id     varchar(100) not null,
    occurred_at timestamptz  not null,
    object_type varchar(100),
    source      varchar(100),
    object_id   varchar(200),
    primary key (name, event_id)
);
create index unmapped_occurrence_occurred_at on unmapped_occurrence (occurred_at);
