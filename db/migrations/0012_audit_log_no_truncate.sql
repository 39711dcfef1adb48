-- TRUNCATE fires no row triggers, so 0001's UPDATE/DELETE guard did not cover it: reject it too,
-- with the same function and message.
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_reject_change();
