-- Issue 26. RFC 7644 §3.6: a user a directory DELETEd answers 404 from then on. The person stays on the roster,
-- inactive, with their history; they come back through SCIM only by a new POST (or as active through any roster
-- change, which makes them visible again).
alter table scim_user add column deleted_at timestamptz;
