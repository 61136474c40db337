-- Issue 17, item 7. An anonymous item still names its submitter here (their inbox needs it); answers, events and
-- webhooks leave the person out for everyone else. Its business unit is not recorded: a small unit would name them.
alter table feedback_item add column anonymous boolean not null default false;
alter table celebration add column anonymous boolean not null default false;
-- "items I voted for or follow": the lookups by person
create index item_vote_user on item_vote (user_id, item_id);
create index item_follow_user on item_follow (user_id, item_id);

-- The organisation's display labels for the fixed statuses; a status without a row shows its code.
create table status_label (
    status     varchar(16)  primary key,
    label      varchar(60)  not null,
    updated_by varchar(100) not null,
    updated_at timestamptz  not null default now()
);
create unique index status_label_unique on status_label (lower(label));

-- An area taken out of use: no new items in it, the items already there keep it.
alter table area add column active boolean not null default true;
