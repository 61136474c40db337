-- Per-person aggregates that any report range reads in a few rows per person, kept in the same statement
-- that records new events (UsageEventStore), replacing the person x day x action rollup table:
--
-- person_action_month: one row per person, action and calendar month. running[d] is the number of events
--   of the action on days 1..d of the month; days after the last element have its value (so a row grows
--   only as far as the last day with events). Events on days a..b of a month = running[b] - running[a-1]:
--   two array reads, whatever the range, and a whole month is the last element.
-- person_activity: one row per person and year. days is a bitmap of the days of the year with any use
--   (day of year n is bit (n-1) % 64 of element (n-1) / 64 + 1), read by the service to count active days,
--   workdays, weeks and bands over any range.
--
-- daily_rollup remains as a view over person_action_month, for operators and for checks.

-- running_of(days, counts): a running-count array with counts[i] events on day days[i] (days ascending).
create function running_of(days int[], counts bigint[]) returns bigint[] language plpgsql immutable strict as $$
declare
  running bigint[] := '{}';
  len int := 0;
  total bigint := 0;
begin
  for i in 1 .. cardinality(days) loop
    if days[i] > len + 1 then
      running := running || array_fill(total, array[days[i] - len - 1]);
    end if;
    if days[i] > len then
      running := running || total;
      len := days[i];
    end if;
    for k in days[i] .. len loop
      running[k] := running[k] + counts[i];
    end loop;
    total := running[len];
  end loop;
  return running;
end $$;

-- Adds a running-count array (delta) to another (running). Only the days from the first day of delta with
-- events onwards change (found by bisection, since delta never decreases), so adding today's events to a
-- month touches one element.
create function running_merge(running bigint[], delta bigint[]) returns bigint[] language plpgsql immutable strict as $$
declare
  len int := cardinality(running);
  dlen int := cardinality(delta);
  n int := greatest(len, dlen);
  lo int := 1;
  hi int := dlen;
  mid int;
begin
  if dlen = 0 or delta[dlen] = 0 then
    return running;
  end if;
  while lo < hi loop
    mid := (lo + hi) / 2;
    if delta[mid] > 0 then hi := mid; else lo := mid + 1; end if;
  end loop;
  if len < n then
    running := running || array_fill(case when len = 0 then 0 else running[len] end, array[n - len]);
  end if;
  for k in lo .. n loop
    running[k] := running[k] + delta[least(k, dlen)];
  end loop;
  return running;
end $$;

-- Bitwise or of two day bitmaps of the same length.
create function days_or(a bigint[], b bigint[]) returns bigint[] language plpgsql immutable strict as $$
begin
  for i in 1 .. cardinality(b) loop
    a[i] := a[i] | b[i];
  end loop;
  return a;
end $$;

-- The bitmap of a set of days of one year, given as days of the year (1..366). (A loop: the same in SQL with
-- six filtered bit_or aggregates over unnest cost six times as much, a sixth of the apply statement.)
create function days_bitmap(days_of_year int[]) returns bigint[] language plpgsql immutable strict as $$
declare
  bitmap bigint[] := '{0,0,0,0,0,0}';
  d int;
begin
  foreach d in array days_of_year loop
    bitmap[(d - 1) / 64 + 1] := bitmap[(d - 1) / 64 + 1] | (1::bigint << ((d - 1) % 64));
  end loop;
  return bitmap;
end $$;

create table person_action_month (
    user_id varchar(100) not null,
    month   date         not null,
    action  varchar(64)  not null,
    running bigint[]     not null,
    primary key (user_id, month, action)
);

create index person_action_month_month on person_action_month (month, action);

create table person_activity (
    user_id varchar(100) not null,
    year    smallint     not null,
    days    bigint[]     not null,
    primary key (user_id, year)
);

create index person_activity_year on person_activity (year);

insert into person_action_month (user_id, month, action, running)
select user_id, month, action, running_of(array_agg(day_of_month order by day_of_month), array_agg(events order by day_of_month))
  from (select user_id, date_trunc('month', day)::date as month, action, extract(day from day)::int as day_of_month, events
          from daily_rollup) r
 group by user_id, month, action;

insert into person_activity (user_id, year, days)
select user_id, year, days_bitmap(array_agg(day_of_year))
  from (select distinct user_id, extract(year from day)::smallint as year, extract(doy from day)::int as day_of_year
          from daily_rollup) d
 group by user_id, year;

drop table daily_rollup;

-- Events per person, day and action, derived from the running counts (nothing writes it).
create view daily_rollup as
select a.user_id, (a.month + (d - 1))::date as day, a.action, a.running[d] - coalesce(a.running[d - 1], 0) as events
  from person_action_month a, generate_subscripts(a.running, 1) d
 where a.running[d] - coalesce(a.running[d - 1], 0) > 0;
