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

create trigger person_action_month_changed after insert or update or delete or truncate on person_action_month
    for each statement execute function bump_report_version();
create trigger person_activity_changed after insert or update or delete or truncate on person_activity
    for each statement execute function bump_report_version();
create trigger unit_action_day_changed after insert or update or delete or truncate on unit_action_day
    for each statement execute function bump_report_version();
create trigger person_changed after insert or update or delete or truncate on person
    for each statement execute function bump_report_version();
create trigger person_membership_changed after insert or update or delete or truncate on person_membership
    for each statement execute function bump_report_version();
create trigger objective_version_changed after insert or update or delete or truncate on objective_version
    for each statement execute function bump_report_version();
