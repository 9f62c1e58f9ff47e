-- What each confirmed nominee is to receive, as the AwardTier decision proposed it.
CREATE TABLE award_item (
  run_id    VARCHAR(20)    NOT NULL REFERENCES award_run (id),
  handler   VARCHAR(64)    NOT NULL,
  award     VARCHAR(30)    NOT NULL,   -- SERVICE_STAR, CASH, HONOUR_CERTIFICATE, PROMOTION_RECOMMENDATION, GIFT
  title     VARCHAR(200)   NOT NULL,
  cash      NUMERIC(19, 2) NOT NULL,   -- 0 for honours
  currency  CHAR(3)        NOT NULL,
  status    VARCHAR(20)    NOT NULL,   -- PROPOSED (the committee's approval comes next)
  PRIMARY KEY (run_id, handler, award)
);
ALTER TABLE award_run ADD COLUMN awards_total NUMERIC(19, 2);
ALTER TABLE award_run ADD COLUMN award_budget NUMERIC(19, 2);
