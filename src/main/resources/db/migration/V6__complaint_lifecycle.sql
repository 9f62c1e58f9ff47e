-- The complaint's life after handling: reopenings, the quality review and the closing.
ALTER TABLE complaint ADD COLUMN reopen_count INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE complaint ADD COLUMN unresolved BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE complaint ADD COLUMN quality_score SMALLINT;
ALTER TABLE complaint ADD COLUMN innovative BOOLEAN;
ALTER TABLE complaint ADD COLUMN innovation_reason VARCHAR(2000);
ALTER TABLE complaint ADD COLUMN review_comment VARCHAR(2000);
ALTER TABLE complaint ADD COLUMN reviewed_by VARCHAR(64);
ALTER TABLE complaint ADD COLUMN reviewed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE complaint ADD COLUMN closed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE complaint ADD CONSTRAINT complaint_quality_score_range
  CHECK (quality_score IS NULL OR quality_score BETWEEN 1 AND 5);

-- Everyone who took on or completed the handling of a complaint: the quality review's four-eyes
-- rule and the awards' per-handler scores read it.
CREATE TABLE complaint_handler (
  complaint_reference VARCHAR(20) NOT NULL REFERENCES complaint (reference),
  user_id             VARCHAR(64) NOT NULL,
  first_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (complaint_reference, user_id)
);

-- One satisfaction survey per resolution (round 0 is the first, round n follows the n-th reopening).
CREATE TABLE complaint_survey (
  complaint_reference VARCHAR(20) NOT NULL REFERENCES complaint (reference),
  round               INTEGER     NOT NULL,
  sent_at             TIMESTAMP WITH TIME ZONE NOT NULL,
  due_at              TIMESTAMP WITH TIME ZONE NOT NULL,
  score               SMALLINT,
  answer_comment      VARCHAR(2000),
  answered_at         TIMESTAMP WITH TIME ZONE,
  expired_at          TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (complaint_reference, round),
  CONSTRAINT complaint_survey_score_range CHECK (score IS NULL OR score BETWEEN 1 AND 5),
  CONSTRAINT complaint_survey_answered_or_expired CHECK (answered_at IS NULL OR expired_at IS NULL)
);

-- The figures of a closed complaint, written once at its closing; reports and awards read them.
-- Durations in seconds: business (inside the business-hours calendar) and calendar.
CREATE TABLE complaint_kpi (
  complaint_reference           VARCHAR(20) NOT NULL PRIMARY KEY REFERENCES complaint (reference),
  closed_at                     TIMESTAMP WITH TIME ZONE NOT NULL,
  received_at                   TIMESTAMP WITH TIME ZONE NOT NULL,
  category                      VARCHAR(20) NOT NULL,
  severity                      VARCHAR(10) NOT NULL,
  handler_group                 VARCHAR(64) NOT NULL,
  first_response_business_secs  BIGINT,
  first_response_calendar_secs  BIGINT,
  first_response_sla_met        BOOLEAN     NOT NULL,
  resolution_business_secs      BIGINT      NOT NULL,
  resolution_calendar_secs      BIGINT      NOT NULL,
  resolution_sla_met            BOOLEAN     NOT NULL,
  csat                          SMALLINT,
  reopen_count                  INTEGER     NOT NULL,
  escalated                     BOOLEAN     NOT NULL,
  unresolved                    BOOLEAN     NOT NULL,
  handlers                      VARCHAR(1000) NOT NULL,
  quality_score                 SMALLINT    NOT NULL,
  innovative                    BOOLEAN     NOT NULL
);
CREATE INDEX complaint_kpi_closed_idx ON complaint_kpi (closed_at);
