-- Jobs that run once per period for the whole deployment (platform ClusterSchedule): one row per job
-- and slot, taken by the first replica that ticks in it.
create table scheduled_run (
    job    varchar(100) not null,
    slot   timestamptz  not null,
    ran_at timestamptz  not null default clock_timestamp(),
    primary key (job, slot)
);
