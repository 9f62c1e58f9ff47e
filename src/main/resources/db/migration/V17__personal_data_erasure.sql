-- Erasure and retention of customers' personal data (docs/adr/0017-erasure-that-keeps-the-audit-trail-provable.md).

-- The key under which a chain's personal fields (a survey's words, a message's recipient) are
-- sealed in its audit events. Erasure deletes it: the events stay, hashed as written, unreadable.
CREATE TABLE audit_personal_key (
  chain_key  VARCHAR(255) NOT NULL PRIMARY KEY,
  secret     VARCHAR(64)  NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- When the complaint's personal data was erased, on request or by retention; null while it is kept.
ALTER TABLE complaint ADD COLUMN personal_data_erased_at TIMESTAMP WITH TIME ZONE;
-- retention looks for complaints closed before its cut-off whose data is still kept
CREATE INDEX complaint_retention_idx ON complaint (status, closed_at);
