-- PostgreSQL only: erasure of a customer's data that an old audit row holds in the clear rewrites
-- that row and re-seals its chain (docs/adr/0017). Only that transaction may update, and only a
-- row's content and hashes: where a row stands, when it happened and who did it never change.
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
  IF current_setting('redress.audit_retention', true) = 'on' AND TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  IF current_setting('redress.audit_erasure', true) = 'on' AND TG_OP = 'UPDATE'
      AND NEW.id = OLD.id AND NEW.chain_key = OLD.chain_key AND NEW.seq = OLD.seq
      AND NEW.occurred_at = OLD.occurred_at AND NEW.source = OLD.source AND NEW.event_type = OLD.event_type
      AND NEW.actor IS NOT DISTINCT FROM OLD.actor
      AND NEW.process_instance_id IS NOT DISTINCT FROM OLD.process_instance_id
      AND NEW.activity_id IS NOT DISTINCT FROM OLD.activity_id THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;
