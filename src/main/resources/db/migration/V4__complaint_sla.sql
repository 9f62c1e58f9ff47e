-- SLA tracking: the first human action, the 75 % warning and the breach of the resolution SLA.
ALTER TABLE complaint ADD COLUMN sla_warning_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE complaint ADD COLUMN first_response_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE complaint ADD COLUMN first_response_by VARCHAR(64);
ALTER TABLE complaint ADD COLUMN sla_warned_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE complaint ADD COLUMN sla_breached_at TIMESTAMP WITH TIME ZONE;
