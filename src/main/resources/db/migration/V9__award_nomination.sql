-- Who is nominated in an award run: the ranked handlers, and innovation nominations managers add.
-- A removed nomination stays, with who removed it and why.
CREATE TABLE award_nomination (
  run_id      VARCHAR(20)   NOT NULL REFERENCES award_run (id),
  handler     VARCHAR(64)   NOT NULL,
  kind        VARCHAR(20)   NOT NULL,   -- SCORE (from the ranking) or INNOVATION (added by a manager)
  award_rank  INTEGER,                  -- SCORE nominations: the rank of the score
  status      VARCHAR(20)   NOT NULL,   -- NOMINATED or REMOVED
  reason      VARCHAR(2000),            -- INNOVATION: why a manager added it
  added_by    VARCHAR(64),
  added_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  removal_reason VARCHAR(2000),
  removed_by  VARCHAR(64),
  removed_at  TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (run_id, handler, kind)
);
