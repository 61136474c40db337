-- Issue 25. Feedback knows people only from their tokens: the display name (the token's name claim, else
-- preferred_username) is recorded with what they do, as it was at that moment. Rows written before this
-- migration keep a null name; answers then carry null and pages fall back to wording without a name.
alter table feedback_item add column submitter_name varchar(200);
alter table item_comment add column author_name varchar(200);
alter table status_change add column actor_name varchar(200);
-- copied from the item when the celebration is recorded; shown under the same rule as submitted_by
alter table celebration add column submitter_name varchar(200);

-- The header's unread count, polled by every open page: an index of the unread rows alone.
create index notification_unread on notification (recipient) where read_at is null;

-- The status ANSWERED (a question's final status) needs no change here: feedback_item.status, item_count.status,
-- status_change and status_label hold any code of up to 16 characters, without a check of the values.
