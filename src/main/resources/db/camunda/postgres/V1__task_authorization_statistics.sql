-- Tasklist's count for a plain group member joins the member's authorization rows with
-- AUTH.RESOURCE_ID_ IN (task id, process key, '*'). Without statistics on the permission bits
-- PostgreSQL guesses that a group holds a handful of READ rows (123 estimated, 25 000 real at
-- 100 000 open tasks) and compares every task with every row: 43 s per count. With these it
-- probes act_idx_auth_resource_id per task instead: 0.3 s (docs/performance.md).
-- The bits are READ (2) on TASK and READ_TASK (64) on PROCESS_DEFINITION, the two checks of a
-- task query.
create statistics if not exists redress_auth_perms_read on (perms_ & 2) from act_ru_authorization;
create statistics if not exists redress_auth_perms_read_task on (perms_ & 64) from act_ru_authorization;
analyze act_ru_authorization;
