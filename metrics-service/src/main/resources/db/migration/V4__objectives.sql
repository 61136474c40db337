-- Objectives per business unit and job role, versioned: a change closes the version in force and
-- opens a new one, so a past period is judged by the objectives that held when it closed.
create table objective_version (
    id            bigserial    primary key,
    business_unit varchar(100) not null,
    job_role      varchar(100) not null,
    expectations  jsonb        not null,
    valid_from    timestamptz  not null,
    valid_to      timestamptz,
    set_by        varchar(100) not null
);

create unique index objective_version_current on objective_version (business_unit, job_role) where valid_to is null;
create index objective_version_lookup on objective_version (business_unit, job_role, valid_from);
