-- Tasklist's "My group tasks" (engine/redress-statements.xml, teamTaskCriteria): the page walks the
-- tasks in the filter's order and checks each one's candidate link and grant by their indexes,
-- stopping at the page's end, instead of sorting every task the member may see (docs/adr/0020).
-- Tasklist orders the filter's tasks by due date, then newest first: both in the index, so tasks of
-- one due date (or none) need no sort either. The engine indexes no due date.
create index if not exists redress_task_due_date on act_ru_task (due_date_, create_time_ desc);
