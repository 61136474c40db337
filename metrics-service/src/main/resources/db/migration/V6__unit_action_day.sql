-- Events per business unit, day and action, added in the same statement as the person x day x action
-- rollups, so that the conformity report reads units x days x actions (thousands of rows), not every
-- person's rollups. An event counts for the unit its person belonged to when it was applied; events of
-- people not on the roster then are not in any unit (as before, when the report joined the roster).
create table unit_action_day (
    business_unit varchar(100) not null,
    day           date         not null,
    action        varchar(64)  not null,
    events        bigint       not null,
    primary key (day, business_unit, action)
);

insert into unit_action_day (business_unit, day, action, events)
select p.business_unit, r.day, r.action, sum(r.events)
from daily_rollup r join person p on p.user_id = r.user_id
group by 1, 2, 3;
