-- Write keys: the credential of Segment-compatible senders (HTTP Basic user name). Only a hash is kept; the key is
-- shown once, when it is created. A revoked key stays listed (revoked_at) and is refused at once.
create table write_key (
    id uuid primary key,
    name varchar(100) not null,
    key_hash bytea not null unique,
    created_at timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at timestamptz
);

-- Event names of other tools mapped to catalogue actions by the CRM team (Segment track names, page:<name>).
create table event_mapping (
    name varchar(200) primary key,
    action varchar(100) not null,
    updated_at timestamptz not null default now()
);

-- Names that arrived without a mapping, with their counts, so that the CRM team can map them.
create table unmapped_event (
    name varchar(200) primary key,
    events bigint not null,
    first_seen timestamptz not null default now(),
    last_seen timestamptz not null default now()
);
