-- The W3C traceparent of the span that wrote the row (null outside a trace), so that publishing the
-- row to Kafka continues the trace of the request that caused it.
alter table outbox add column traceparent varchar(55);
