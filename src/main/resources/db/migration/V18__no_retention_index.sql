-- V17's index for privacy retention: the planner preferred it to complaint_status_received_idx for
-- the staff list's counts by status. Retention walks the complaints in reference order, nightly,
-- and needs no index of its own.
DROP INDEX IF EXISTS complaint_retention_idx;
