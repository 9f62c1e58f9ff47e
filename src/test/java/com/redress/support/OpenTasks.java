package com.redress.support;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many open tasks in seconds instead of an hour, on PostgreSQL: copies of one task the engine made,
 * each in a copy of its process instance's executions, with its candidate-group link and the
 * authorization row the engine gives that group: the rows many started processes leave, less their
 * variables, jobs and history. The read model of team tasks (V5) follows by its triggers, as it does
 * the engine's writes. Copies' ids start with a prefix so they can be removed again.
 */
public final class OpenTasks {

  private OpenTasks() {
  }

  /** {@code copies} copies of {@code taskId} for candidate group {@code group}. */
  public static void copy(JdbcTemplate db, String taskId, String group, String prefix, int copies) {
    // execution ids become prefix + copy number + '-' + the original id, parents and instances alike
    db.update("""
        insert into act_ru_execution select copy.*
        from act_ru_execution e, generate_series(1, ?) g,
          jsonb_populate_record(e, to_jsonb(e) || jsonb_build_object('id_', ? || g || '-' || e.id_,
            'proc_inst_id_', ? || g || '-' || e.proc_inst_id_, 'root_proc_inst_id_', ? || g || '-' || e.root_proc_inst_id_,
            'parent_id_', case when e.parent_id_ is null then null else ? || g || '-' || e.parent_id_ end)) copy
        where e.proc_inst_id_ = (select proc_inst_id_ from act_ru_task where id_ = ?)""",
        copies, prefix, prefix, prefix, prefix, taskId);
    db.update("""
        insert into act_ru_task select copy.*
        from act_ru_task t, generate_series(1, ?) g,
          jsonb_populate_record(t, to_jsonb(t) || jsonb_build_object('id_', ? || g,
            'execution_id_', ? || g || '-' || t.execution_id_, 'proc_inst_id_', ? || g || '-' || t.proc_inst_id_)) copy
        where t.id_ = ?""", copies, prefix, prefix, prefix, taskId);
    db.update("""
        insert into act_ru_identitylink select copy.*
        from act_ru_identitylink i, generate_series(1, ?) g,
          jsonb_populate_record(i, to_jsonb(i)
            || jsonb_build_object('id_', ? || 'i' || g, 'task_id_', ? || g, 'group_id_', ?)) copy
        where i.task_id_ = ? and i.type_ = 'candidate'""", copies, prefix, prefix, group, taskId);
    db.update("""
        insert into act_ru_authorization select copy.*
        from act_ru_authorization a, generate_series(1, ?) g,
          jsonb_populate_record(a, to_jsonb(a)
            || jsonb_build_object('id_', ? || 'a' || g, 'resource_id_', ? || g, 'group_id_', ?)) copy
        where a.resource_id_ = ? and a.group_id_ is not null""", copies, prefix, prefix, group, taskId);
    settle(db, "VACUUM ANALYZE ");
  }

  /** Removes the copies made with {@code prefix}. */
  public static void remove(JdbcTemplate db, String prefix) {
    db.update("delete from act_ru_authorization where id_ like ?", prefix + "%");
    db.update("delete from act_ru_identitylink where id_ like ?", prefix + "%");
    db.update("delete from act_ru_task where id_ like ?", prefix + "%");
    db.update("delete from act_ru_execution where id_ like ?", prefix + "%");
    settle(db, "ANALYZE ");
  }

  /**
   * What autovacuum does after many rows come or go, now ({@code VACUUM ANALYZE} after copies):
   * measurements then see the tables as a running system has them, not an autovacuum of a million
   * new rows competing for the two cores.
   */
  private static void settle(JdbcTemplate db, String command) {
    List<String> tables = new ArrayList<>(List.of("act_ru_execution", "act_ru_task", "act_ru_identitylink",
        "act_ru_authorization"));
    // Redress's read model of team tasks; the bare reference's database has none
    if (Boolean.TRUE.equals(db.queryForObject("select to_regclass('redress_team_task') is not null", Boolean.class))) {
      tables.add("redress_team_task");
    }
    for (String table : tables) {
      db.execute(command + table); // one by one: VACUUM runs outside a transaction block
    }
  }
}
