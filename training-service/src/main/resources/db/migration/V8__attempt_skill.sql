-- Issue 27 (medium 2). The skill an attempt drew alone (a re-test), null for the whole test: submitting
-- it completes only the open test assignments that ask for what was drawn.
alter table attempt add column skill varchar(64);
