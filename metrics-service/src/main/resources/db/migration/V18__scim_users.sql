-- What SCIM 2.0 provisioning keeps beyond the roster entry (person): the directory's own id for the person
-- (externalId, which Entra ID filters on) and the parts of the name. The person's user id is the SCIM id.
create table scim_user (
    user_id varchar(100) primary key,
    external_id varchar(200),
    given_name varchar(200),
    family_name varchar(200),
    created_at timestamptz not null default now()
);

create index scim_user_external_id on scim_user (external_id);
