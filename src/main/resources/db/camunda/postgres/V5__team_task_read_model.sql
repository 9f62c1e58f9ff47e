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
-- answer and nothing is cached. A task's row is locked before it is computed again, so two
-- transactions that change one task's links or grants compute it one after the other, each from what
-- the other committed.
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

-- Planned once, not at each call: for a parameter array PostgreSQL otherwise re-plans every statement
-- at every call (0.6 against 0.07 ms per task in a playground), and the engine's writes call it one
-- task at a time.
create or replace function redress_team_task_refresh(tasks varchar[]) returns void
set plan_cache_mode = force_generic_plan as $$
begin
  if tasks is null or cardinality(tasks) = 0 then
    return;
  end if;
  insert into redress_team_task (task_id_, assigned_)
    select t.id_, false from act_ru_task t
    where t.id_ = any(tasks) and exists (select 1 from act_ru_identitylink i
      where i.task_id_ = t.id_ and i.type_ = 'candidate' and i.group_id_ is not null)
    order by t.id_
    on conflict (task_id_) do nothing;
  -- in id order, so that two refreshes of the same tasks cannot deadlock; the statements after this
  -- one see what other transactions committed meanwhile (read committed)
  perform 1 from redress_team_task r where r.task_id_ = any(tasks) order by r.task_id_ for update;
  delete from redress_team_task r where r.task_id_ = any(tasks) and not exists (select 1 from act_ru_identitylink i
    where i.task_id_ = r.task_id_ and i.type_ = 'candidate' and i.group_id_ is not null);
  update redress_team_task r set
    -- resource type 7 is TASK, permission 2 is READ
    team_ = case when l.links = 1 and t.proc_def_id_ is not null and exists (select 1 from act_ru_authorization a
        where a.type_ < 2 and a.group_id_ = l.team and a.resource_type_ = 7 and a.resource_id_ = t.id_
          and a.perms_ & 2 = 2)
      then l.team end,
    assigned_ = t.assignee_ is not null,
    suspension_state_ = t.suspension_state_,
    tenant_id_ = t.tenant_id_
  from act_ru_task t,
    lateral (select count(*) as links, min(i.group_id_) as team from act_ru_identitylink i
      where i.task_id_ = t.id_ and i.type_ = 'candidate' and i.group_id_ is not null) l
  where r.task_id_ = any(tasks) and t.id_ = r.task_id_;
end;
$$ language plpgsql;

-- candidate-group links
create or replace function redress_team_task_links() returns trigger as $$
begin
  if tg_op in ('INSERT', 'UPDATE') then
    perform redress_team_task_refresh(array(select distinct n.task_id_ from new_rows n
      where n.task_id_ is not null and n.type_ = 'candidate' and n.group_id_ is not null));
  end if;
  if tg_op in ('DELETE', 'UPDATE') then
    perform redress_team_task_refresh(array(select distinct o.task_id_ from old_rows o
      where o.task_id_ is not null and o.type_ = 'candidate' and o.group_id_ is not null));
  end if;
  return null;
end;
$$ language plpgsql;

drop trigger if exists redress_team_task_link_insert on act_ru_identitylink;
create trigger redress_team_task_link_insert after insert on act_ru_identitylink
  referencing new table as new_rows for each statement execute function redress_team_task_links();
drop trigger if exists redress_team_task_link_update on act_ru_identitylink;
create trigger redress_team_task_link_update after update on act_ru_identitylink
  referencing old table as old_rows new table as new_rows for each statement execute function redress_team_task_links();
drop trigger if exists redress_team_task_link_delete on act_ru_identitylink;
create trigger redress_team_task_link_delete after delete on act_ru_identitylink
  referencing old table as old_rows for each statement execute function redress_team_task_links();

-- groups' grants on tasks (resource type 7 is TASK)
create or replace function redress_team_task_grants() returns trigger as $$
begin
  if tg_op in ('INSERT', 'UPDATE') then
    perform redress_team_task_refresh(array(select distinct n.resource_id_ from new_rows n
      where n.resource_type_ = 7 and n.group_id_ is not null));
  end if;
  if tg_op in ('DELETE', 'UPDATE') then
    perform redress_team_task_refresh(array(select distinct o.resource_id_ from old_rows o
      where o.resource_type_ = 7 and o.group_id_ is not null));
  end if;
  return null;
end;
$$ language plpgsql;

drop trigger if exists redress_team_task_grant_insert on act_ru_authorization;
create trigger redress_team_task_grant_insert after insert on act_ru_authorization
  referencing new table as new_rows for each statement execute function redress_team_task_grants();
drop trigger if exists redress_team_task_grant_update on act_ru_authorization;
create trigger redress_team_task_grant_update after update on act_ru_authorization
  referencing old table as old_rows new table as new_rows for each statement execute function redress_team_task_grants();
drop trigger if exists redress_team_task_grant_delete on act_ru_authorization;
create trigger redress_team_task_grant_delete after delete on act_ru_authorization
  referencing old table as old_rows for each statement execute function redress_team_task_grants();

-- the task's own criteria: claimed, released, suspended, moved to another process (migration)
create or replace function redress_team_task_changed() returns trigger as $$
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

create or replace function redress_team_task_gone() returns trigger as $$
begin
  delete from redress_team_task r where r.task_id_ in (select o.id_ from old_rows o);
  return null;
end;
$$ language plpgsql;

drop trigger if exists redress_team_task_task_delete on act_ru_task;
create trigger redress_team_task_task_delete after delete on act_ru_task
  referencing old table as old_rows for each statement execute function redress_team_task_gone();

-- the tasks already open; run again by hand after an engine upgrade that recreated one of these tables
-- (docs/operations.md), this also drops the rows of tasks that are gone and recomputes the others
delete from redress_team_task r where not exists (select 1 from act_ru_task t where t.id_ = r.task_id_);
select redress_team_task_refresh(array(select distinct i.task_id_ from act_ru_identitylink i
  where i.task_id_ is not null and i.type_ = 'candidate' and i.group_id_ is not null));
analyze redress_team_task;
