-- The committee's approval: items it cut (with why), finance's decision on an excess over budget.
ALTER TABLE award_item ADD COLUMN cut_reason VARCHAR(2000);
ALTER TABLE award_item ADD COLUMN cut_by VARCHAR(64);
ALTER TABLE award_run ADD COLUMN excess_approved_by VARCHAR(64);
ALTER TABLE award_run ADD COLUMN excess_reason VARCHAR(2000);
ALTER TABLE award_run ADD COLUMN approved_by VARCHAR(64);
ALTER TABLE award_run ADD COLUMN approved_at TIMESTAMP WITH TIME ZONE;
