package com.redress.complaint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** complaint_survey: one row per resolution the customer was asked about. */
@Repository
class SurveyRepository {

  private final JdbcClient jdbc;

  SurveyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void open(String reference, int round, OffsetDateTime sentAt, OffsetDateTime dueAt) {
    jdbc.sql("""
        INSERT INTO complaint_survey (complaint_reference, round, sent_at, due_at)
        VALUES (:reference, :round, :sentAt, :dueAt)""")
        .param("reference", reference).param("round", round).param("sentAt", sentAt).param("dueAt", dueAt)
        .update();
  }

  Optional<Survey> latest(String reference) {
    return jdbc.sql("SELECT * FROM complaint_survey WHERE complaint_reference = :reference ORDER BY round DESC")
        .param("reference", reference).query(SurveyRepository::map).list().stream().findFirst();
  }

  void answer(String reference, int round, int score, String comment, OffsetDateTime at) {
    jdbc.sql("""
        UPDATE complaint_survey SET score = :score, answer_comment = :comment, answered_at = :at
        WHERE complaint_reference = :reference AND round = :round""")
        .param("score", score).param("comment", comment).param("at", at)
        .param("reference", reference).param("round", round).update();
  }

  /** Every round, oldest first. */
  List<Survey> all(String reference) {
    return jdbc.sql("SELECT * FROM complaint_survey WHERE complaint_reference = :reference ORDER BY round")
        .param("reference", reference).query(SurveyRepository::map).list();
  }

  /** The customers' own words in their answers to these complaints' surveys. */
  List<String> comments(Collection<String> references) {
    return jdbc.sql("SELECT answer_comment FROM complaint_survey WHERE complaint_reference IN (:references)"
            + " AND answer_comment IS NOT NULL")
        .param("references", references).query(String.class).list();
  }

  /** The scores stay (they are the complaints' figures), the words go. */
  void eraseComments(Collection<String> references) {
    jdbc.sql("UPDATE complaint_survey SET answer_comment = NULL WHERE complaint_reference IN (:references)")
        .param("references", references).update();
  }

  void expire(String reference, int round, OffsetDateTime at) {
    jdbc.sql("""
        UPDATE complaint_survey SET expired_at = :at
        WHERE complaint_reference = :reference AND round = :round AND answered_at IS NULL""")
        .param("at", at).param("reference", reference).param("round", round).update();
  }

  private static Survey map(ResultSet rs, int row) throws SQLException {
    Integer score = rs.getObject("score", Integer.class);
    return new Survey(rs.getInt("round"), rs.getObject("sent_at", OffsetDateTime.class),
        rs.getObject("due_at", OffsetDateTime.class), score, rs.getString("answer_comment"),
        rs.getObject("answered_at", OffsetDateTime.class), rs.getObject("expired_at", OffsetDateTime.class));
  }
}
