-- Tasklist's "My group tasks" count at scale (docs/adr/0020, "The team's count from a read model").
-- Counting a member's team tasks through the engine's tables reads every team task, its candidate
-- link and its grant: about 1 s at 1 000 000 open tasks. Most open tasks have one shape: one candidate
-- group, which holds READ on the task through a grant of its own (the engine gives it with the link).
-- Such a task is visible to every member of that group, whatever else they hold, so a member's count
-- of them is a count of one index range. This table keeps, for every open task with a candidate group,
-- that group when the task has this shape (TEAM_), or null when it has another (several candidate
-- groups, no grant of the group's own, no process), with the task's own criteria of the count. The
-- count statement (engine/redress-statements.xml) counts the shaped tasks here and checks the others
-- one by one with the engine's criteria. TaskQueryEquivalenceTest holds both to the engine's answer.
--
-- The triggers keep it in the same transaction as the engine's writes, so every node reads the same
-- answer and nothing is cached. A task is locked before its row is computed again, so two
-- transactions that change one task's links or grants compute it one after the other, the second from
-- what the first committed. Nothing fires when a task is inserted or its id changes: the engine's
-- foreign key from the links to the task (ACT_FK_TSKASS_TASK) means a task has no links yet when it is
-- inserted, and the engine never changes a task's id.
--
-- A transaction that writes the links or grants of several tasks now locks those tasks in the order of
-- its statements (within one statement, in id order). Another that claims the same tasks in a different
-- order can then end as a deadlock victim (SQL state 40P01), where before the two simply waited: as
-- rare as transactions that touch several of the same open tasks; Redress retries its own
-- (ConcurrentModifications), the job executor retries jobs, and a Tasklist call answers an error.

-- this transaction only: no notice for each trigger that "drop trigger if exists" finds absent
set local client_min_messages = warning;

create table if not exists redress_team_task (
  task_id_ varchar(64) primary key,
  team_ varchar(255),
  assigned_ boolean not null,
  suspension_state_ integer,
  tenant_id_ varchar(64)
);
-- a member's count: one range per team and state, read from the index alone
create index if not exists redress_team_task_team on redress_team_task (team_, suspension_state_, assigned_)
  include (tenant_id_);
-- the tasks of another shape, which the count checks one by one
create index if not exists redress_team_task_other on redress_team_task (task_id_) where team_ is null;

-- The functions the engine's writes run are planned once per connection, not at each call (planning
-- each statement at each call cost 0.6 against 0.07 ms per task in a playground). A plan kept that long
-- must stay right while the tables grow from empty to millions of rows, so every statement here asks
-- for the rows of one task by its id alone (the task's, the links' task, the grants' resource), which
-- only the index on that column answers, and the rest is decided in the loop. A plan made while the
-- tables were empty otherwise chose indexes that read a team's links or grants for every task (a
-- minute for a copy of 25 000 tasks; 1 s like this).
create or replace function redress_team_task_refresh(tasks varchar[]) returns void
set plan_cache_mode = force_generic_plan set enable_seqscan = off set enable_bitmapscan = off
set enable_hashjoin = off set enable_mergejoin = off as $$
declare
  id varchar;
  task record;
  link record;
  grant_ record;
  links integer;
  team varchar;
  granted boolean;
begin
  -- in id order, each task locked first (the lock a claim or a completion takes on it): a transaction
  -- that changes a link or a grant of the same task, even one that has no row yet, waits for this one,
  -- and its statements then see what this one committed (read committed)
  foreach id in array array(select distinct x.id from unnest(tasks) x(id) where x.id is not null order by x.id)
  loop
    select t.assignee_, t.suspension_state_, t.tenant_id_, t.proc_def_id_ into task
      from act_ru_task t where t.id_ = id for no key update;
    links := 0;
    team := null;
    if found then
      for link in select i.type_, i.group_id_ from act_ru_identitylink i where i.task_id_ = id loop
        if link.type_ = 'candidate' and link.group_id_ is not null then
          links := links + 1;
          team := link.group_id_;
        end if;
      end loop;
    end if;
    if links = 0 then
      delete from redress_team_task where task_id_ = id;
      continue;
    end if;
    -- the team only if it is the one candidate group of a process's task, with its own grant (type 1; a
    -- global authorization names no group) of READ (2) on the task (resource type 7)
    granted := false;
    if links = 1 and task.proc_def_id_ is not null then
      for grant_ in select a.type_, a.group_id_, a.resource_type_, a.perms_ from act_ru_authorization a
          where a.resource_id_ = id loop
        granted := granted or coalesce(grant_.type_ = 1 and grant_.group_id_ = team and grant_.resource_type_ = 7
          and grant_.perms_ & 2 = 2, false);
      end loop;
    end if;
    insert into redress_team_task (task_id_, team_, assigned_, suspension_state_, tenant_id_)
      values (id, case when granted then team end, task.assignee_ is not null, task.suspension_state_, task.tenant_id_)
      on conflict (task_id_) do update set team_ = excluded.team_, assigned_ = excluded.assigned_,
        suspension_state_ = excluded.suspension_state_, tenant_id_ = excluded.tenant_id_;
  end loop;
end;
$$ language plpgsql;

-- the tasks whose candidate-group links, or groups' grants on them (resource type 7 is TASK), a
-- statement wrote: their rows are computed again, once per statement
create or replace function redress_team_task_touched() returns trigger as $$
declare
  tasks varchar[] := '{}';
  links boolean := tg_table_name = 'act_ru_identitylink';
begin
  -- statements apart, not one CASE: each reads its own table's columns and is planned only if it runs
  if tg_op in ('INSERT', 'UPDATE') and links then
    tasks := tasks || array(select n.task_id_ from new_rows n where n.type_ = 'candidate' and n.group_id_ is not null);
  elsif tg_op in ('INSERT', 'UPDATE') then
    tasks := tasks || array(select n.resource_id_ from new_rows n where n.resource_type_ = 7 and n.group_id_ is not null);
  end if;
  if tg_op in ('DELETE', 'UPDATE') and links then
    tasks := tasks || array(select o.task_id_ from old_rows o where o.type_ = 'candidate' and o.group_id_ is not null);
  elsif tg_op in ('DELETE', 'UPDATE') then
    tasks := tasks || array(select o.resource_id_ from old_rows o where o.resource_type_ = 7 and o.group_id_ is not null);
  end if;
  perform redress_team_task_refresh(tasks);
  return null;
end;
$$ language plpgsql;

drop trigger if exists redress_team_task_link_insert on act_ru_identitylink;
create trigger redress_team_task_link_insert after insert on act_ru_identitylink
  referencing new table as new_rows for each statement execute function redress_team_task_touched();
drop trigger if exists redress_team_task_link_update on act_ru_identitylink;
create trigger redress_team_task_link_update after update on act_ru_identitylink
  referencing old table as old_rows new table as new_rows for each statement execute function redress_team_task_touched();
drop trigger if exists redress_team_task_link_delete on act_ru_identitylink;
create trigger redress_team_task_link_delete after delete on act_ru_identitylink
  referencing old table as old_rows for each statement execute function redress_team_task_touched();
drop trigger if exists redress_team_task_grant_insert on act_ru_authorization;
create trigger redress_team_task_grant_insert after insert on act_ru_authorization
  referencing new table as new_rows for each statement execute function redress_team_task_touched();
drop trigger if exists redress_team_task_grant_update on act_ru_authorization;
create trigger redress_team_task_grant_update after update on act_ru_authorization
  referencing old table as old_rows new table as new_rows for each statement execute function redress_team_task_touched();
drop trigger if exists redress_team_task_grant_delete on act_ru_authorization;
create trigger redress_team_task_grant_delete after delete on act_ru_authorization
  referencing old table as old_rows for each statement execute function redress_team_task_touched();

-- the task's own criteria: claimed, released, suspended, moved to another process (migration)
create or replace function redress_team_task_changed() returns trigger
set plan_cache_mode = force_generic_plan set enable_seqscan = off set enable_bitmapscan = off
set enable_hashjoin = off set enable_mergejoin = off as $$
begin
  if new.proc_def_id_ is distinct from old.proc_def_id_ then
    perform redress_team_task_refresh(array[new.id_]);
  else
    update redress_team_task set assigned_ = new.assignee_ is not null, suspension_state_ = new.suspension_state_,
      tenant_id_ = new.tenant_id_
    where task_id_ = new.id_;
  end if;
  return null;
end;
$$ language plpgsql;

drop trigger if exists redress_team_task_task_update on act_ru_task;
create trigger redress_team_task_task_update after update of assignee_, suspension_state_, tenant_id_, proc_def_id_
  on act_ru_task for each row
  when (new.assignee_ is distinct from old.assignee_ or new.suspension_state_ is distinct from old.suspension_state_
    or new.tenant_id_ is distinct from old.tenant_id_ or new.proc_def_id_ is distinct from old.proc_def_id_)
  execute function redress_team_task_changed();

create or replace function redress_team_task_gone() returns trigger
set plan_cache_mode = force_generic_plan set enable_seqscan = off set enable_bitmapscan = off
set enable_hashjoin = off set enable_mergejoin = off as $$
begin
  delete from redress_team_task r using old_rows o where r.task_id_ = o.id_;
  return null;
end;
$$ language plpgsql;

drop trigger if exists redress_team_task_task_delete on act_ru_task;
create trigger redress_team_task_task_delete after delete on act_ru_task
  referencing old table as old_rows for each statement execute function redress_team_task_gone();

-- every row again: after a table of the three was emptied, and at the end of this script
create or replace function redress_team_task_recompute() returns void as $$
begin
  delete from redress_team_task r where not exists (select 1 from act_ru_task t where t.id_ = r.task_id_);
  perform redress_team_task_refresh(array(select r.task_id_ from redress_team_task r
    union select i.task_id_ from act_ru_identitylink i
      where i.task_id_ is not null and i.type_ = 'candidate' and i.group_id_ is not null));
end;
$$ language plpgsql;

create or replace function redress_team_task_emptied() returns trigger as $$
begin
  perform redress_team_task_recompute();
  return null;
end;
$$ language plpgsql;

drop trigger if exists redress_team_task_task_truncate on act_ru_task;
create trigger redress_team_task_task_truncate after truncate on act_ru_task
  for each statement execute function redress_team_task_emptied();
drop trigger if exists redress_team_task_link_truncate on act_ru_identitylink;
create trigger redress_team_task_link_truncate after truncate on act_ru_identitylink
  for each statement execute function redress_team_task_emptied();
drop trigger if exists redress_team_task_grant_truncate on act_ru_authorization;
create trigger redress_team_task_grant_truncate after truncate on act_ru_authorization
  for each statement execute function redress_team_task_emptied();

-- the tasks already open; run again by hand after an engine upgrade that recreated one of these tables
-- (docs/operations.md), this also drops the rows of tasks that are gone and computes the others again
select redress_team_task_recompute();
analyze redress_team_task;
