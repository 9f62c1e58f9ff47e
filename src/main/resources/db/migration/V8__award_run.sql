-- Employee awards: one run per period, every handler's score with the complaints it is made of.
CREATE TABLE award_run (
  id                  VARCHAR(20)  NOT NULL PRIMARY KEY,   -- AWARD-2026-10, the process's business key
  period              CHAR(7)      NOT NULL UNIQUE,        -- 2026-10: one run per period
  status              VARCHAR(30)  NOT NULL,               -- SCORING, SCORED, NO_AWARDS, NOMINATIONS_CONFIRMED
  process_instance_id VARCHAR(64),
  started_by          VARCHAR(64),
  started_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  handlers_total      INTEGER,
  handlers_scored     INTEGER,                             -- progress while scoring
  complaints_counted  INTEGER,
  weights             VARCHAR(200),                        -- as used: timeliness=30,quality=30,…
  minimum_complaints  INTEGER,
  innovation_cap      INTEGER,
  scored_at           TIMESTAMP WITH TIME ZONE,
  updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per handler who handled a complaint closed in the period; eligible ones are ranked.
CREATE TABLE award_score (
  run_id        VARCHAR(20)   NOT NULL REFERENCES award_run (id),
  handler       VARCHAR(64)   NOT NULL,
  eligible      BOOLEAN       NOT NULL,
  award_rank    INTEGER,
  complaints    INTEGER       NOT NULL,
  within_sla    INTEGER       NOT NULL,
  timeliness    NUMERIC(7, 4) NOT NULL,   -- share within SLA, 0..1
  quality       NUMERIC(5, 2) NOT NULL,   -- mean QA score, 1..5
  answered      INTEGER       NOT NULL,   -- surveys answered
  satisfaction  NUMERIC(5, 2),            -- mean CSAT of answered surveys, null when none
  innovation    INTEGER       NOT NULL,   -- QA innovation flags
  score         NUMERIC(5, 2) NOT NULL,   -- 0..100
  PRIMARY KEY (run_id, handler)
);

-- Every complaint a score counts, with the figures taken from its KPI record: anyone can recompute.
CREATE TABLE award_score_complaint (
  run_id              VARCHAR(20) NOT NULL REFERENCES award_run (id),
  handler             VARCHAR(64) NOT NULL,
  complaint_reference VARCHAR(20) NOT NULL,
  resolution_sla_met  BOOLEAN     NOT NULL,
  quality_score       SMALLINT    NOT NULL,
  csat                SMALLINT,
  innovative          BOOLEAN     NOT NULL,
  PRIMARY KEY (run_id, handler, complaint_reference)
);
