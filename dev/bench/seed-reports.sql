-- The data set of the report benchmark (psql -v people=N): N people in 20 business units and 5 job roles
-- (one in 200 an executive), objectives for every unit and role, and 90 days of use ending today: each
-- person active on about 70% of days, 1 to 4 actions a day with 1 to 10 events each. The use is written
-- as the service keeps it: running counts per person, month and action, a bitmap of active days per
-- person and year, and per-unit daily totals (the raw events are not needed by any report).
\set ON_ERROR_STOP on
drop table if exists seed_day; -- left by an interrupted run
truncate usage_event, person_action_month, person_activity, unit_action_day, person, person_membership, objective_version, shortfall_notice, outbox, training_assignment;

insert into person (user_id, display_name, email, business_unit, job_role, executive, active)
select 'bench-' || i, 'Person ' || i, 'bench-' || i || '@example.com', 'Unit ' || (i % 20), 'role-' || (i % 5), i % 200 = 0, true
  from generate_series(1, :people) i;
insert into person_membership (user_id, business_unit, job_role, active, valid_from)
select user_id, business_unit, job_role, active, '-infinity' from person;

insert into objective_version (business_unit, job_role, expectations, valid_from, set_by)
select 'Unit ' || u, 'role-' || r,
       '[{"metric":"active-days","period":"week","min":4},{"metric":"action:record.created","period":"week","min":10},{"metric":"action:activity.logged","period":"week","min":5}]'::jsonb,
       now() - interval '365 days', 'bench'
  from generate_series(0, 19) u, generate_series(0, 4) r;

create unlogged table seed_day as
select 'bench-' || p as user_id, current_date - d as day, a.code as action, 1 + (abs(hashtext(p || ':' || d || ':' || a.code)) % 10) as events
  from generate_series(1, :people) p
  cross join generate_series(0, 89) d
  cross join (select code from action
               where code in ('login', 'record.created', 'record.updated', 'activity.logged', 'report.run', 'dashboard.viewed')) a
 where abs(hashtext(p || ':' || d)) % 10 < 7
   and abs(hashtext(p || ':' || d || ':' || a.code)) % 6 < 1 + (p + d) % 4;

insert into person_action_month (user_id, month, action, running)
select user_id, month, action, running_of(array_agg(day_of_month order by day_of_month), array_agg(events order by day_of_month))
  from (select user_id, date_trunc('month', day)::date as month, action, extract(day from day)::int as day_of_month, events::bigint as events
          from seed_day) r
 group by user_id, month, action;

insert into person_activity (user_id, year, days)
select user_id, year, days_bitmap(array_agg(day_of_year))
  from (select distinct user_id, extract(year from day)::smallint as year, extract(doy from day)::int as day_of_year from seed_day) d
 group by user_id, year;

insert into unit_action_day (business_unit, day, action, events)
select p.business_unit, r.day, r.action, sum(r.events)
  from seed_day r join person p on p.user_id = r.user_id
 group by 1, 2, 3;

drop table seed_day;

-- One person in ten took training (5 modules, eLearning or instructor-led): assigned 70 days ago, completed 40
-- days ago, so that the 4 weeks before and after both lie in the 90 days of use.
insert into training_assignment (assignment_id, user_id, business_unit, kind, skill, module_id, module_title, mode, status,
                                 assigned_at, completed_at, event_at, due_on)
select gen_random_uuid(), 'bench-' || i, 'Unit ' || (i % 20), 'TRAINING', 'skill-' || (i % 5),
       '00000000-0000-0000-0000-00000000000' || (i % 5), 'Module ' || (i % 5),
       case when i % 2 = 0 then 'ELEARNING' else 'INSTRUCTOR_LED' end, 'COMPLETED',
       now() - interval '70 days', now() - interval '40 days', now() - interval '40 days', current_date - 56
  from generate_series(1, :people) i
 where i % 10 = 0;
analyze person;
analyze person_action_month;
analyze person_activity;
analyze unit_action_day;
analyze training_assignment;
