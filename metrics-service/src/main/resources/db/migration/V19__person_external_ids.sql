-- A person's ids in other systems, to match what those systems send: the Salesforce user id (its 15-character
-- form, which the 18-character one extends) for Event Monitoring's EventLogFiles. One person per id and system.
create table person_external_id (
    system varchar(50) not null,
    external_id varchar(100) not null,
    user_id varchar(100) not null,
    primary key (system, external_id),
    unique (user_id, system)
);
