-- The outbox has the same shape in every service (the platform's Outbox writes and relays it): rows name their channel.
alter table outbox add column channel varchar(50) not null default 'feedback-events';
alter table outbox alter column channel drop default;
