-- The CRM skills that tests score and training modules cover.
create table skill (
    code        varchar(64)   primary key,
    name        varchar(200)  not null,
    description varchar(1000),
    created_at  timestamptz   not null default now(),
    updated_at  timestamptz   not null default now()
);
