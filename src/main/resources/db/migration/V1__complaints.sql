-- Redress's complaint data. Camunda owns the ACT_* tables; Redress owns these.
CREATE SEQUENCE complaint_reference_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE complaint (
  reference                    VARCHAR(20)   NOT NULL PRIMARY KEY,
  status                       VARCHAR(20)   NOT NULL,
  customer_id                  VARCHAR(64)   NOT NULL,
  customer_name                VARCHAR(200)  NOT NULL,
  customer_email               VARCHAR(254),
  customer_phone               VARCHAR(40),
  customer_tier                VARCHAR(10)   NOT NULL,
  channel                      VARCHAR(20)   NOT NULL,
  category                     VARCHAR(20)   NOT NULL,
  subject                      VARCHAR(200)  NOT NULL,
  description                  VARCHAR(10000) NOT NULL,
  order_reference              VARCHAR(64),
  order_amount                 NUMERIC(19, 2),
  order_currency               CHAR(3),
  occurred_at                  TIMESTAMP WITH TIME ZONE,
  received_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
  recorded_by                  VARCHAR(64),
  duplicate_of                 VARCHAR(20) REFERENCES complaint (reference),
  severity                     VARCHAR(10),
  handler_group                VARCHAR(64),
  classified_by                VARCHAR(64),
  first_response_sla_hours     INTEGER,
  resolution_sla_hours         INTEGER,
  first_response_due           TIMESTAMP WITH TIME ZONE,
  resolution_due               TIMESTAMP WITH TIME ZONE,
  root_cause                   VARCHAR(40),
  resolution                   VARCHAR(10000),
  service_failure_acknowledged BOOLEAN,
  resolved_by                  VARCHAR(64),
  resolved_at                  TIMESTAMP WITH TIME ZONE,
  updated_at                   TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT complaint_amount_not_negative CHECK (order_amount IS NULL OR order_amount >= 0),
  CONSTRAINT complaint_amount_has_currency CHECK ((order_amount IS NULL) = (order_currency IS NULL))
);

-- duplicate detection and "complaints by this customer in the last 90 days"
CREATE INDEX complaint_customer_idx ON complaint (customer_id, order_reference, status);
CREATE INDEX complaint_customer_received_idx ON complaint (customer_id, received_at);
-- the staff list, newest first
CREATE INDEX complaint_received_idx ON complaint (received_at, reference);

-- Customer access tokens, only their SHA-256 is stored.
CREATE TABLE complaint_access_token (
  token_hash          CHAR(64)    NOT NULL PRIMARY KEY,
  complaint_reference VARCHAR(20) NOT NULL REFERENCES complaint (reference),
  purpose             VARCHAR(30) NOT NULL,
  created_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX complaint_access_token_ref_idx ON complaint_access_token (complaint_reference);

-- Idempotency-Key of POST /api/complaints (hashed) and the complaint it created.
-- No foreign key: the key is claimed before the complaint row is written, in the same transaction.
CREATE TABLE idempotency_key (
  key_hash            CHAR(64)    NOT NULL PRIMARY KEY,
  request_hash        CHAR(64)    NOT NULL,
  complaint_reference VARCHAR(20) NOT NULL,
  created_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
