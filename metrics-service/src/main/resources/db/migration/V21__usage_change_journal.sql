-- Reports refreshed from the people whose usage changed, instead of recomputed for everyone (ReportCache).
--
-- report_version.structure moves with every change that can alter anyone's scorecard other than their own usage:
-- the roster and its history, objectives, and any removal from the per-person aggregates. While it stands still,
-- a report kept at version v is brought up to date by rescoring only the people named in usage_change after v.
--
-- usage_change: one row per statement that added usage (UsageEventStore), written by person_activity's triggers, with
-- the version that statement took (report_version's row lock orders them: a version is only ever taken above every
-- committed one) and the people whose aggregates it changed. Rows older than a few minutes are pruned; journal_from is then the highest version
-- pruned, and a report kept at an older version is recomputed in full.
alter table report_version add column structure bigint not null default 0,
                           add column journal_from bigint not null default 0;

create table usage_change (
    version     bigint                   primary key,
    user_ids    varchar(100)[]           not null,
    recorded_at timestamptz              not null default now()
);

create function bump_report_structure() returns trigger language plpgsql as $$
begin
  update report_version set version = version + 1, structure = structure + 1;
  return null;
end $$;

-- Takes a version and names the people whose activity rows the statement added or changed (every new event adds to
-- its person's activity row, so these are the people whose usage changed). The transition table is "changed".
create function journal_usage_change() returns trigger language plpgsql as $$
declare
  taken bigint;
begin
  update report_version set version = version + 1 returning version into taken;
  insert into usage_change (version, user_ids)
  select taken, array_agg(distinct user_id) from changed having count(*) > 0;
  return null;
end $$;

do $$
declare
  changed text;
begin
  foreach changed in array array['person', 'person_membership', 'objective_version'] loop
    execute format('drop trigger %I on %I', changed || '_changed', changed);
    execute format('create trigger %I after insert or update or delete or truncate on %I for each statement execute function bump_report_structure()',
                   changed || '_changed', changed);
  end loop;
end $$;

-- usage is only ever added (the statement of UsageEventStore); anything that removes it is structural
drop trigger person_action_month_changed on person_action_month;
create trigger person_action_month_changed after insert or update on person_action_month
    for each statement execute function bump_report_version();
create trigger person_action_month_removed after delete or truncate on person_action_month
    for each statement execute function bump_report_structure();

drop trigger person_activity_changed on person_activity;
create trigger person_activity_added after insert on person_activity
    referencing new table as changed for each statement execute function journal_usage_change();
create trigger person_activity_updated after update on person_activity
    referencing new table as changed for each statement execute function journal_usage_change();
create trigger person_activity_removed after delete or truncate on person_activity
    for each statement execute function bump_report_structure();
