-- The reason of training agreed in a follow-up read "training on <skill> agreed by <user id> in follow-up <uuid>":
-- an id and a user id on people's screens. It now reads "training on <skill> agreed in a follow-up"; who agreed it is
-- the assignment's assigned_by (shown by name). Earlier assignments are reworded the same way.
update assignment
   set reason = jsonb_set(reason, '{detail}',
                          to_jsonb(regexp_replace(reason->>'detail', ' agreed by \S+ in follow-up [0-9a-f-]+', ' agreed in a follow-up')))
 where reason->>'kind' = 'FOLLOW_UP'
   and reason->>'detail' ~ ' agreed by \S+ in follow-up [0-9a-f-]+';
