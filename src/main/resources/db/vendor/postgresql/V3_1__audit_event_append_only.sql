-- PostgreSQL only: the audit trail is append-only. Retention (when configured) removes rows
-- through its own function, which is the only code allowed to switch this guard off.
CREATE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
  IF current_setting('redress.audit_retention', true) = 'on' AND TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

-- Chain heads only move forward: a head may not be removed, nor wound back to hide removed rows.
CREATE FUNCTION audit_chain_forward_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
    RAISE EXCEPTION 'audit_chain heads cannot be removed';
  END IF;
  IF NEW.chain_key <> OLD.chain_key OR NEW.last_seq < OLD.last_seq OR NEW.sealed_seq < OLD.sealed_seq THEN
    RAISE EXCEPTION 'audit_chain heads only move forward';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_chain_no_rewind BEFORE UPDATE OR DELETE ON audit_chain
  FOR EACH ROW EXECUTE FUNCTION audit_chain_forward_only();
CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON audit_chain
  FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_forward_only();
