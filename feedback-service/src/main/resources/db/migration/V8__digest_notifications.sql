-- Issue 17, item 8: a weekly digest lands in the inbox (kind DIGEST) without being about one item.
-- Its (event_id, recipient) key keeps a redelivered digest from adding a second notification.
alter table notification alter column item_id drop not null;
-- A digest lists the celebrations of the recipient's own items in its week.
create index celebration_submitter on celebration (submitted_by, implemented_at);
