-- What a write key may do beyond sending events: update the roster from identify calls (with the trait names its
-- sender uses for unit, role, manager and executive), and be used from web pages of the origins it lists.
alter table write_key
    add column identify boolean not null default false,
    add column trait_business_unit varchar(100) not null default 'department',
    add column trait_job_role varchar(100) not null default 'title',
    add column trait_manager_id varchar(100) not null default 'managerId',
    add column trait_executive varchar(100) not null default 'executive',
    add column origins varchar(200)[] not null default '{}';

-- A browser's preflight names only its origin: find the keys that list it without reading every key.
create index write_key_origins on write_key using gin (origins) where revoked_at is null;
