-- Issue 16: the console's dashboard shows the latest refused or failed events of the audit trail
-- (security events); they are few among the successes, so a partial index finds them at once.

create index audit_event_problems on audit_event (occurred_at desc) where outcome in ('DENIED', 'FAILURE');
