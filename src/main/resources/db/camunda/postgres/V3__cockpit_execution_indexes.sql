-- Cockpit's page of a process definition at 100 000 running instances (docs/adr/0020,
-- docs/performance.md).
-- Its called-process lookup joins the definition's executions to executions whose SUPER_EXEC_
-- points at them. PostgreSQL drove that from the 200 000 executions of the definition, probing the
-- engine's SUPER_EXEC_ index for each (1.4-2 s for an auditor); on an index of only the executions
-- that called a process it starts from those few (3 ms).
create index if not exists redress_exe_called on act_ru_execution (super_exec_) where super_exec_ is not null;
-- Its activity statistics count the active executions of the definition per activity, once for
-- the activities and once for the counts: from this index in order, without reading and sorting
-- every execution (an administrator's: 0.65 to 0.44 s through Cockpit at 100 000 instances). The
-- instance id is included for an auditor's authorization join, which still reads every execution
-- once per matching grant (docs/performance.md).
-- Not a partial index: the engine binds IS_ACTIVE_ as a parameter, and a server-prepared
-- statement's generic plan could not prove a partial index's predicate.
create index if not exists redress_exe_active_activity on act_ru_execution (proc_def_id_, is_active_, act_id_, id_)
  include (proc_inst_id_);
