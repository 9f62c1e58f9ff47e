-- Compensation: one proposal per handling round, its approvals, the teams' monthly budgets and
-- what was issued. Amounts NUMERIC(19,2) in the budget currency.
CREATE TABLE compensation (
  id                  VARCHAR(40)   NOT NULL PRIMARY KEY,  -- <complaint reference>/<round>: the idempotency key
  complaint_reference VARCHAR(20)   NOT NULL REFERENCES complaint (reference),
  round               INTEGER       NOT NULL,
  compensation_type   VARCHAR(20)   NOT NULL,
  amount              NUMERIC(19, 2) NOT NULL,              -- as proposed
  currency            CHAR(3)       NOT NULL,
  reason              VARCHAR(2000) NOT NULL,
  proposed_by         VARCHAR(64),
  proposed_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  team                VARCHAR(64)   NOT NULL,
  budget_month        CHAR(7)       NOT NULL,               -- 2026-11
  band                INTEGER,
  band_name           VARCHAR(40),
  recommended_min     NUMERIC(19, 2),
  recommended_max     NUMERIC(19, 2),
  approver_groups     VARCHAR(200),                         -- in order, comma-separated
  reserved_amount     NUMERIC(19, 2) DEFAULT 0 NOT NULL,    -- held in the budget until decided
  over_budget         BOOLEAN       DEFAULT FALSE NOT NULL, -- nothing reserved: finance approves in addition
  current_amount      NUMERIC(19, 2) NOT NULL,              -- after any lowering
  status              VARCHAR(20)   NOT NULL,               -- AWAITING_APPROVAL, APPROVED, REJECTED, ISSUED
  decided_at          TIMESTAMP WITH TIME ZONE,
  updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT compensation_amount_positive CHECK (amount > 0 AND current_amount > 0 AND current_amount <= amount),
  CONSTRAINT compensation_reserved_not_negative CHECK (reserved_amount >= 0),
  CONSTRAINT compensation_one_per_round UNIQUE (complaint_reference, round)
);
-- the report and the budget views read by team and month
CREATE INDEX compensation_team_month_idx ON compensation (team, budget_month);

-- Every approver's decision, one row per step of the approval chain.
CREATE TABLE compensation_decision (
  compensation_id VARCHAR(40)   NOT NULL REFERENCES compensation (id),
  step            INTEGER       NOT NULL,
  approver_group  VARCHAR(64)   NOT NULL,
  decided_by      VARCHAR(64)   NOT NULL,
  decision        VARCHAR(10)   NOT NULL,                   -- APPROVE, LOWER, REJECT
  amount_before   NUMERIC(19, 2) NOT NULL,
  amount_after    NUMERIC(19, 2),
  reason          VARCHAR(2000),
  decided_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (compensation_id, step)
);

-- A team's compensation budget for a month. reserved + spent may exceed amount only through
-- finance-approved spending; reservations themselves never do.
CREATE TABLE compensation_budget (
  team         VARCHAR(64)    NOT NULL,
  budget_month CHAR(7)        NOT NULL,
  currency     CHAR(3)        NOT NULL,
  amount       NUMERIC(19, 2) NOT NULL,
  reserved     NUMERIC(19, 2) DEFAULT 0 NOT NULL,
  spent        NUMERIC(19, 2) DEFAULT 0 NOT NULL,
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (team, budget_month),
  CONSTRAINT compensation_budget_amounts CHECK (amount >= 0 AND reserved >= 0 AND spent >= 0)
);

-- What was issued, once per proposal (the primary key makes a retried issue step a no-op).
CREATE TABLE compensation_issue (
  compensation_id VARCHAR(40)    NOT NULL PRIMARY KEY REFERENCES compensation (id),
  kind            VARCHAR(20)    NOT NULL,
  code            VARCHAR(64)    NOT NULL UNIQUE,           -- voucher code, refund or booking reference
  amount          NUMERIC(19, 2) NOT NULL,
  currency        CHAR(3)        NOT NULL,
  issued_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
