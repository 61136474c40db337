-- Seed for `./uptake bench feedback`: 100,000 feedback items over 8 areas, 20 business units and
-- 5,000 submitters, every status, titles and descriptions made of CRM words (so that search has
-- work to do), created one minute apart. Runs against feedback_bench only.
truncate webhook_delivery, webhook_job, webhook, celebration, notification, outbox, status_change,
    item_comment, item_follow, item_vote, item_count, feedback_item restart identity;

insert into feedback_item (kind, title, description, area, status, submitted_by, business_unit, votes, created_at, updated_at,
                           first_response_at, implemented_at)
select (array['IDEA', 'PROBLEM', 'QUESTION', 'PRAISE'])[1 + i % 4],
       initcap(w[1 + i % 24]) || ' ' || w[1 + (i / 24) % 24] || ' for ' || w[1 + (i / 576) % 24],
       'When I ' || w[1 + (i * 7) % 24] || ' the ' || w[1 + (i * 13) % 24] || ' I expect the ' || w[1 + (i * 17) % 24]
           || ' to show up in the ' || w[1 + (i * 19) % 24] || '. Today it takes three screens and a manual export; '
           || 'a single view with the ' || w[1 + (i * 23) % 24] || ' and the ' || w[1 + (i * 29) % 24] || ' would save the team an hour a day.',
       (array['contacts', 'opportunities', 'activities', 'reports', 'mobile', 'integrations', 'performance', 'other'])[1 + i % 8],
       s.status,
       'bench-' || (i % 5000),
       'Unit ' || (i % 20),
       (i * 37) % 200,
       now() - make_interval(mins => i),
       now() - make_interval(mins => i),
       case when s.status <> 'SUBMITTED' then now() - make_interval(mins => i) + interval '2 days' end,
       case when s.status = 'IMPLEMENTED' then now() - make_interval(mins => i) + interval '20 days' end
from generate_series(1, 100000) i,
     lateral (select (array['SUBMITTED', 'ACKNOWLEDGED', 'UNDER_REVIEW', 'PLANNED', 'IN_PROGRESS', 'IMPLEMENTED', 'DECLINED'])[1 + (i / 3) % 7] as status) s,
     (select array['pipeline', 'forecast', 'contact', 'account', 'opportunity', 'quote', 'invoice', 'dashboard', 'report',
                   'export', 'import', 'calendar', 'email', 'meeting', 'task', 'lead', 'campaign', 'territory', 'mobile',
                   'search', 'duplicate', 'approval', 'discount', 'renewal'] as w) words;

vacuum analyze feedback_item;
