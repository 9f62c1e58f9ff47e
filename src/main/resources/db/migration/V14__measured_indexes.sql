-- Indexes for queries that staff pages, reports and the KPI gauges run on every view or refresh,
-- found by reading each query against the indexes (issue 8, docs/performance.md). Proven by
-- RedressIndexesTest on PostgreSQL. IF NOT EXISTS: a large installation may build them first with
-- CREATE INDEX CONCURRENTLY (docs/operations.md).

-- The complaint list filtered by status or by team, newest first, and its count
-- (ComplaintRepository.search and countMatching: GET /api/complaints?status= or ?team=).
CREATE INDEX IF NOT EXISTS complaint_status_received_idx ON complaint (status, received_at, reference);
CREATE INDEX IF NOT EXISTS complaint_team_received_idx ON complaint (handler_group, received_at, reference);

-- The audit search by person (AuditRepository.chainsActedOnBy): the complaints someone acted on.
CREATE INDEX IF NOT EXISTS audit_event_actor_idx ON audit_event (actor, chain_key, occurred_at);

-- Compensation issued per month (KpiReport, CompensationReport, the gauges every five minutes).
-- No query leads with the team, so the index that did goes.
CREATE INDEX IF NOT EXISTS compensation_month_status_idx ON compensation (budget_month, status);
DROP INDEX compensation_team_month_idx;
