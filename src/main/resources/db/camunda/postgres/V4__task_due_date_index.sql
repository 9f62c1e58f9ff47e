-- Tasklist's "My group tasks" by due date (engine/redress-statements.xml, teamTaskCriteria): the
-- page walks the tasks in due-date order and checks each one's candidate link and grant by their
-- indexes, stopping at the page's end, instead of sorting every task the member may see
-- (docs/adr/0020). The engine indexes no due date.
create index if not exists redress_task_due_date on act_ru_task (due_date_);
