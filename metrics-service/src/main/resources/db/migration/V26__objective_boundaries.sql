-- Every report request reads the next instant at which objectives set ahead of time start or end
-- (ReportQueries.dataVersion): two index probes instead of a scan of every version.
create index objective_version_valid_from on objective_version (valid_from);
create index objective_version_valid_to on objective_version (valid_to) where valid_to is not null;
