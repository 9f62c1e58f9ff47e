-- Erasure and retention of customers' personal data (docs/adr/0017-erasure-that-keeps-the-audit-trail-provable.md).

-- The key under which a chain's personal fields (a survey's words, a message's recipient) are
-- sealed in its audit events. Erasure deletes it: the events stay, hashed as written, unreadable.
CREATE TABLE audit_personal_key (
  chain_key  VARCHAR(255) NOT NULL PRIMARY KEY,
  secret     VARCHAR(64)  NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- When the complaint's personal data was erased, on request or by retention; null while it is kept.
-- (Retention walks the complaints in reference order, nightly: no index of its own, which the
-- planner would otherwise prefer for the status counts of the staff list.)
ALTER TABLE complaint ADD COLUMN personal_data_erased_at TIMESTAMP WITH TIME ZONE;
