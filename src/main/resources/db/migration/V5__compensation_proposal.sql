-- The handler's proposed compensation, stored with the outcome; approval comes with CompensationApproval.
ALTER TABLE complaint ADD COLUMN compensation_type VARCHAR(20);
ALTER TABLE complaint ADD COLUMN compensation_amount NUMERIC(19, 2);
ALTER TABLE complaint ADD COLUMN compensation_currency CHAR(3);
ALTER TABLE complaint ADD COLUMN compensation_reason VARCHAR(2000);
ALTER TABLE complaint ADD CONSTRAINT complaint_compensation_not_negative
  CHECK (compensation_amount IS NULL OR compensation_amount >= 0);
