-- How many items there are per status, kind and area, kept by a trigger in the same transaction as
-- every insert, status change and delete, so that a list's total without a search costs a few rows
-- instead of a count over every item.
create table item_count (
    status varchar(16) not null,
    kind   varchar(16) not null,
    area   varchar(64) not null,
    items  bigint      not null,
    primary key (status, kind, area)
);

insert into item_count (status, kind, area, items)
select status, kind, area, count(*) from feedback_item group by status, kind, area;

create function item_count_follow() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        update item_count set items = items - 1 where status = old.status and kind = old.kind and area = old.area;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into item_count (status, kind, area, items) values (new.status, new.kind, new.area, 1)
        on conflict (status, kind, area) do update set items = item_count.items + 1;
    end if;
    return null;
end $$;

create trigger item_count_on_insert_or_delete after insert or delete on feedback_item
    for each row execute function item_count_follow();
create trigger item_count_on_move after update of status, kind, area on feedback_item
    for each row when (old.status is distinct from new.status or old.kind is distinct from new.kind or old.area is distinct from new.area)
    execute function item_count_follow();
