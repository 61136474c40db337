-- The event log, partitioned by month of the event's day, so that events past the retention go by dropping
-- a partition instead of a bulk delete. The key is (day, event_id): an event's day is fixed when it is
-- accepted (occurredAt, corrected by the sender's clock skew), so a redelivered event falls on the same
-- day and the key still finds it; dedupe is exact for every event the log holds.
alter table usage_event rename to usage_event_unpartitioned;
alter table usage_event_unpartitioned rename constraint usage_event_pkey to usage_event_unpartitioned_pkey;

create table usage_event (
    event_id    uuid          not null,
    user_id     varchar(100)  not null,
    action      varchar(64)   not null,
    occurred_at timestamptz   not null,
    day         date          not null,
    object_type varchar(100),
    source      varchar(100),
    received_at timestamptz   not null default now(),
    primary key (day, event_id)
) partition by range (day);

-- Creates the missing monthly partitions usage_event_YYYY_MM from the month of first_month to that of last_month.
create function ensure_usage_event_partitions(first_month date, last_month date) returns int language plpgsql as $$
declare
  month date;
  created int := 0;
begin
  perform pg_advisory_xact_lock(hashtext('usage_event partitions'));
  for month in select generate_series(date_trunc('month', first_month), date_trunc('month', last_month), interval '1 month')::date loop
    if to_regclass('usage_event_' || to_char(month, 'YYYY_MM')) is null then
      execute format('create table %I partition of usage_event for values from (%L) to (%L)',
                     'usage_event_' || to_char(month, 'YYYY_MM'), month, (month + interval '1 month')::date);
      created := created + 1;
    end if;
  end loop;
  return created;
end $$;

-- Drops the partitions whose every day is before cutoff; returns their names.
create function drop_usage_event_partitions_before(cutoff date) returns setof text language plpgsql as $$
declare
  partition text;
begin
  perform pg_advisory_xact_lock(hashtext('usage_event partitions'));
  for partition in
      select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
       where i.inhparent = 'usage_event'::regclass and c.relname ~ '^usage_event_[0-9]{4}_[0-9]{2}$'
         and (to_date(substring(c.relname from 13), 'YYYY_MM') + interval '1 month')::date <= cutoff
       order by c.relname loop
    execute format('drop table %I', partition);
    return next partition;
  end loop;
end $$;

select ensure_usage_event_partitions(least(coalesce((select min(day) from usage_event_unpartitioned), current_date), current_date),
                                     (current_date + interval '2 months')::date);

insert into usage_event select * from usage_event_unpartitioned;
drop table usage_event_unpartitioned;
