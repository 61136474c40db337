-- The areas of the CRM that feedback items are tagged with.
create table area (
    code        varchar(64)   primary key,
    name        varchar(200)  not null,
    description varchar(1000),
    created_at  timestamptz   not null default now(),
    updated_at  timestamptz   not null default now()
);

insert into area (code, name, description) values
    ('contacts',      'Contacts and accounts', 'People and companies, their records and duplicates'),
    ('opportunities', 'Opportunities',         'Pipeline, stages, forecasts'),
    ('activities',    'Activities',            'Calls, meetings, e-mails and tasks'),
    ('reports',       'Reports and dashboards', 'Reporting, dashboards, exports'),
    ('mobile',        'Mobile',                'The CRM on phones and tablets'),
    ('integrations',  'Integrations',          'Mail, calendar and other systems'),
    ('performance',   'Performance',           'Speed and availability'),
    ('other',         'Other',                 'Anything else');
