-- Webhook secrets are made by the service and kept encrypted (enc:v1:...); a rotated-out secret
-- keeps signing until previous_secret_until. Secrets chosen by clients before this version are
-- sealed by the service at its next start (they stay valid until rotated).
alter table webhook alter column secret type varchar(400);
alter table webhook add column previous_secret varchar(400);
alter table webhook add column previous_secret_until timestamptz;
-- What the receiver reads: generic JSON, a Slack Block Kit message or a Teams Adaptive Card.
alter table webhook add column format varchar(16) not null default 'generic'
    check (format in ('generic', 'slack', 'teams'));
