package com.redress.support;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many open tasks in seconds instead of an hour, on PostgreSQL: copies of one task the engine made,
 * each with its candidate-group link and the authorization row the engine gives that group, the
 * same rows as many started processes leave. Copies' ids start with a prefix so they can be
 * removed again.
 */
public final class OpenTasks {

  private OpenTasks() {
  }

  /** {@code copies} copies of {@code taskId} for candidate group {@code group}. */
  public static void copy(JdbcTemplate db, String taskId, String group, String prefix, int copies) {
    db.update("""
        insert into act_ru_task select copy.*
        from act_ru_task t, generate_series(1, ?) g,
          jsonb_populate_record(t, to_jsonb(t) || jsonb_build_object('id_', ? || g)) copy
        where t.id_ = ?""", copies, prefix, taskId);
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
    analyze(db);
  }

  /** Removes the copies made with {@code prefix}. */
  public static void remove(JdbcTemplate db, String prefix) {
    db.update("delete from act_ru_authorization where id_ like ?", prefix + "%");
    db.update("delete from act_ru_identitylink where id_ like ?", prefix + "%");
    db.update("delete from act_ru_task where id_ like ?", prefix + "%");
    analyze(db);
  }

  /** What autovacuum does after many rows come or go, now. */
  private static void analyze(JdbcTemplate db) {
    db.execute("ANALYZE act_ru_task; ANALYZE act_ru_identitylink; ANALYZE act_ru_authorization");
  }
}
