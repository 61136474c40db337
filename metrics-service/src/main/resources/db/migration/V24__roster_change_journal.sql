-- A roster change re-judges only the people it touches (ReportCache, TeamScorecards.rescored). A statement that adds,
-- changes or removes people or rows of their roster history names them in usage_change, marked roster, and no longer
-- moves report_version.structure; a report kept at an older version then reads those people's roster history again
-- and rescores them. A truncate names nobody, so it still moves structure (everyone is scored again).
alter table usage_change add column roster boolean not null default false;

create function journal_roster_change() returns trigger language plpgsql as $$
declare
  taken bigint;
begin
  update report_version set version = version + 1 returning version into taken;
  insert into usage_change (version, user_ids, roster)
  select taken, array_agg(distinct user_id), true from changed having count(*) > 0;
  return null;
end $$;

do $$
declare
  changed text;
begin
  foreach changed in array array['person', 'person_membership'] loop
    execute format('drop trigger %I on %I', changed || '_changed', changed);
    execute format('create trigger %I after insert on %I referencing new table as changed for each statement execute function journal_roster_change()',
                   changed || '_added', changed);
    execute format('create trigger %I after update on %I referencing new table as changed for each statement execute function journal_roster_change()',
                   changed || '_updated', changed);
    execute format('create trigger %I after delete on %I referencing old table as changed for each statement execute function journal_roster_change()',
                   changed || '_removed', changed);
    execute format('create trigger %I after truncate on %I for each statement execute function bump_report_structure()',
                   changed || '_truncated', changed);
  end loop;
end $$;
