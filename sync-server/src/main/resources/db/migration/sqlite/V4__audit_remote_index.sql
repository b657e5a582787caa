-- Enrolment attempts are throttled per remote address: count recent failures from one address.
CREATE INDEX audit_log_event_remote_at ON audit_log (event, remote, at);
