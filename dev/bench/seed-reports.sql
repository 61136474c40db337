-- The data set of the report benchmark: 10,000 people in 20 business units and 5 job roles (50 of them
-- executives), objectives for every unit and role, and 90 days of rollups ending today: each person
-- active on about 70% of days, 1 to 4 actions a day with 1 to 10 events each.
truncate usage_event, daily_rollup, unit_action_day, person, objective_version, shortfall_notice, outbox;

insert into person (user_id, display_name, email, business_unit, job_role, executive, active)
select 'bench-' || i, 'Person ' || i, 'bench-' || i || '@example.com', 'Unit ' || (i % 20), 'role-' || (i % 5), i % 200 = 0, true
  from generate_series(1, 10000) i;

insert into objective_version (business_unit, job_role, expectations, valid_from, set_by)
select 'Unit ' || u, 'role-' || r,
       '[{"metric":"active-days","period":"week","min":4},{"metric":"action:record.created","period":"week","min":10},{"metric":"action:activity.logged","period":"week","min":5}]'::jsonb,
       now() - interval '365 days', 'bench'
  from generate_series(0, 19) u, generate_series(0, 4) r;

insert into daily_rollup (user_id, day, action, events)
select 'bench-' || p, current_date - d, a.code, 1 + (abs(hashtext(p || ':' || d || ':' || a.code)) % 10)
  from generate_series(1, 10000) p
  cross join generate_series(0, 89) d
  cross join (select code, row_number() over (order by code) as n from action
               where code in ('login', 'record.created', 'record.updated', 'activity.logged', 'report.run', 'dashboard.viewed')) a
 where abs(hashtext(p || ':' || d)) % 10 < 7
   and abs(hashtext(p || ':' || d || ':' || a.code)) % 6 < 1 + (p + d) % 4
on conflict do nothing;

insert into unit_action_day (business_unit, day, action, events)
select p.business_unit, r.day, r.action, sum(r.events)
  from daily_rollup r join person p on p.user_id = r.user_id
 group by 1, 2, 3;

analyze person;
analyze daily_rollup;
analyze unit_action_day;
