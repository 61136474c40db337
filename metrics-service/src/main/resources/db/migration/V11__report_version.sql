-- A number that grows with every change a report can show: new usage (the aggregates), the roster and its
-- history, objectives. Statement-level triggers bump it in the transaction of the change, so a report
-- computed after reading version v shows at least everything committed with v, and a cached report is
-- served only while the number has not moved (ReportCache).
create table report_version (
    id      boolean primary key default true check (id),
    version bigint  not null
);

insert into report_version (id, version) values (true, 0);

create function bump_report_version() returns trigger language plpgsql as $$
begin
  update report_version set version = version + 1;
  return null;
end $$;

do $$
declare
  changed text;
begin
  foreach changed in array array['person_action_month', 'person_activity', 'unit_action_day', 'person', 'person_membership',
                                 'objective_version'] loop
    execute format('create trigger %I after insert or update or delete or truncate on %I for each statement execute function bump_report_version()',
                   changed || '_changed', changed);
  end loop;
end $$;
