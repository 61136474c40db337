-- Whether a write key may post Salesforce EventLogFiles (POST /api/metrics/imports/salesforce-event-log) besides
-- sending events: for a scheduled job that downloads the day's files and hands them over without an admin's token.
alter table write_key add column event_logs boolean not null default false;
