-- An objectives change re-judges only the teams it touches (TeamScorecards.rescored): a statement that writes objective
-- versions names their teams (business unit and job role, at the same positions of units and roles) in usage_change,
-- instead of moving report_version.structure. A kept report then reads the objective versions again and rescores the
-- people it holds in those teams. A truncate names no team, so it still moves structure.
alter table usage_change add column units varchar(100)[] not null default '{}',
                         add column roles varchar(100)[] not null default '{}';

create function journal_objectives_change() returns trigger language plpgsql as $$
declare
  taken bigint;
begin
  update report_version set version = version + 1 returning version into taken;
  insert into usage_change (version, user_ids, units, roles)
  select taken, '{}', array_agg(business_unit), array_agg(job_role)
    from (select distinct business_unit, job_role from changed) teams
  having count(*) > 0;
  return null;
end $$;

drop trigger objective_version_changed on objective_version;
create trigger objective_version_added after insert on objective_version
    referencing new table as changed for each statement execute function journal_objectives_change();
create trigger objective_version_updated after update on objective_version
    referencing new table as changed for each statement execute function journal_objectives_change();
create trigger objective_version_removed after delete on objective_version
    referencing old table as changed for each statement execute function journal_objectives_change();
create trigger objective_version_truncated after truncate on objective_version
    for each statement execute function bump_report_structure();
