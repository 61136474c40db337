-- One outbox for every fact published to Kafka (channel = the outgoing channel), written in the
-- same transaction as the change it announces and deleted once Kafka has the record.
create table outbox (
    id         bigserial    primary key,
    channel    varchar(50)  not null,
    key        varchar(100) not null,
    payload    text         not null,
    created_at timestamptz  not null default now()
);

insert into outbox (channel, key, payload, created_at)
select 'people', user_id, payload, created_at from person_outbox order by id;

drop table person_outbox;

-- Who has been told about a shortfall in which period: each person is published once per period.
create table shortfall_notice (
    user_id      varchar(100) not null,
    period       varchar(10)  not null,
    period_start date         not null,
    published_at timestamptz  not null default now(),
    primary key (user_id, period, period_start)
);
