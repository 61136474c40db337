-- Issue 25. The lists HR reads at 10,000 people: the competency matrix filtered by unit and skill and
-- sorted by the weakest score, the recertifications by expiry, assignments newest first.
create index skill_score_by_unit_skill on skill_score (business_unit, skill, score);
create index skill_score_by_skill on skill_score (skill, score);
create index assignment_by_due on assignment (due_on, created_at);
create index waitlist_by_session on waitlist (session_id, id);
