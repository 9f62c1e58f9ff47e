-- Waiting for the customer (issue 21): the handler's open question, since when the complaint waits
-- for the answer (its resolution SLA paused), the business time it waited in all, and when it
-- stopped waiting without an answer (it then closes UNRESOLVED_NO_REPLY). The KPI record keeps the waiting apart from the
-- resolution time, which no longer counts it against the team.
ALTER TABLE complaint ADD COLUMN customer_question VARCHAR(2000);
ALTER TABLE complaint ADD COLUMN waiting_since TIMESTAMP WITH TIME ZONE;
ALTER TABLE complaint ADD COLUMN waiting_business_secs BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE complaint ADD COLUMN no_reply_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE complaint_kpi ADD COLUMN waiting_business_secs BIGINT DEFAULT 0 NOT NULL;
