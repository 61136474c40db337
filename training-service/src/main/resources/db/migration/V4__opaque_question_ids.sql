-- A question's id in an attempt is its own random id (like the option ids), so that takers cannot
-- recognise a question across attempts or people and collect its answer.
alter table attempt_question add column public_id uuid;
update attempt_question set public_id = gen_random_uuid() where public_id is null;
alter table attempt_question alter column public_id set not null;
create unique index attempt_question_public on attempt_question (attempt_id, public_id);
-- the per-day attempt cap counts a person's recent starts of a test
create index attempt_recent_starts on attempt (test_id, user_id, started_at);
