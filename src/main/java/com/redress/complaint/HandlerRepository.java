package com.redress.complaint;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** complaint_handler: who took on or completed the handling of a complaint, each user once. */
@Repository
class HandlerRepository {

  private final JdbcClient jdbc;

  HandlerRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void add(String reference, String user, OffsetDateTime at) {
    jdbc.sql("""
        INSERT INTO complaint_handler (complaint_reference, user_id, first_at)
        SELECT :reference, :user, :at FROM complaint
        WHERE reference = :reference
          AND NOT EXISTS (SELECT 1 FROM complaint_handler WHERE complaint_reference = :reference AND user_id = :user)""")
        .param("reference", reference).param("user", user).param("at", at).update();
  }

  List<String> of(String reference) {
    return jdbc.sql("SELECT user_id FROM complaint_handler WHERE complaint_reference = :reference ORDER BY first_at, user_id")
        .param("reference", reference).query(String.class).list();
  }
}
