-- Which business unit and job role each person had, and whether they were on the active roster, over time,
-- so that a past period counts the people on the roster then, in the unit they belonged to then. A person's
-- first entry reaches back without limit (history imported later belongs to the unit and role the person
-- had when first put on the roster); each later change of unit, role or active ends the entry in force and
-- starts a new one, in the statement that makes the change (RosterStore).
create table person_membership (
    user_id       varchar(100) not null,
    business_unit varchar(100) not null,
    job_role      varchar(100) not null,
    active        boolean      not null,
    valid_from    timestamptz  not null,
    valid_to      timestamptz,
    primary key (user_id, valid_from)
);

create index person_membership_unit on person_membership (business_unit);

insert into person_membership (user_id, business_unit, job_role, active, valid_from)
select user_id, business_unit, job_role, active, '-infinity' from person;
