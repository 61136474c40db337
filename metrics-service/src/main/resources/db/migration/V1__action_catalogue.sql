-- The catalogue of CRM actions that usage events name and objectives count.
create table action (
    code        varchar(64)   primary key,
    name        varchar(200)  not null,
    description varchar(1000),
    created_at  timestamptz   not null default now(),
    updated_at  timestamptz   not null default now()
);

insert into action (code, name, description) values
    ('login',                'Signed in',             'A person signed in to the CRM'),
    ('record.created',       'Record created',        'A contact, account, lead or other record was created'),
    ('record.updated',       'Record updated',        'A record was edited'),
    ('activity.logged',      'Activity logged',       'A call, meeting or e-mail was logged against a record'),
    ('report.run',           'Report run',            'A report was run'),
    ('dashboard.viewed',     'Dashboard viewed',      'A dashboard was opened'),
    ('sync.completed',       'Sync completed',        'Mail or calendar synchronisation finished'),
    ('customer.reviewed',    'Customer reviewed',     'A customer account was reviewed'),
    ('opportunity.updated',  'Opportunity updated',   'An opportunity changed stage, amount or date'),
    ('search.performed',     'Search performed',      'A search was run in the CRM');
