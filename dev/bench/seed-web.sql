-- After seed-reports.sql: 2,000 of the 10,000 people in mark's unit (Sales EMEA), with objectives for its roles,
-- so that a manager's team page is measured over a unit of that size.
\set ON_ERROR_STOP on
update person set business_unit = 'Sales EMEA' where user_id in (select 'bench-' || i from generate_series(1, 2000) i);
update person_membership set business_unit = 'Sales EMEA' where user_id in (select 'bench-' || i from generate_series(1, 2000) i);
insert into objective_version (business_unit, job_role, expectations, valid_from, set_by)
select 'Sales EMEA', 'role-' || r,
       '[{"metric":"active-days","period":"week","min":4},{"metric":"action:record.created","period":"week","min":10}]'::jsonb,
       now() - interval '365 days', 'bench'
  from generate_series(0, 4) r;
analyze person;
analyze person_membership;
