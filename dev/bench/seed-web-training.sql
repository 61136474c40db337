-- The HR matrix's data set (psql -v people=N): the roster's N people as training-service knows them, in 20 units,
-- each with a latest score on every skill of the catalogue (passed at 70 or more), scored over the last year.
\set ON_ERROR_STOP on
delete from skill_score where user_id like 'bench-%';
delete from person where user_id like 'bench-%';
insert into person (user_id, display_name, business_unit, job_role, active)
select 'bench-' || i, 'Person ' || i, 'Unit ' || (i % 20), 'role-' || (i % 5), true from generate_series(1, :people) i;
insert into skill_score (user_id, skill, score, passed, attempt_id, business_unit, job_role, scored_at)
select 'bench-' || i, s.code, abs(hashtext(i || s.code)) % 101, abs(hashtext(i || s.code)) % 101 >= 70, gen_random_uuid(),
       'Unit ' || (i % 20), 'role-' || (i % 5), now() - (abs(hashtext(s.code || i)) % 365) * interval '1 day'
  from generate_series(1, :people) i cross join skill s;
analyze person;
analyze skill_score;
