package com.redress.complaint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** complaint_kpi: written once per complaint (its primary key refuses a second closing). */
@Repository
class KpiRepository {

  private static final String HANDLER_SEPARATOR = ",";

  private final JdbcClient jdbc;

  KpiRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(ComplaintKpi k) {
    jdbc.sql("""
        INSERT INTO complaint_kpi (complaint_reference, closed_at, received_at, category, severity, handler_group,
          first_response_business_secs, first_response_calendar_secs, first_response_sla_met,
          resolution_business_secs, resolution_calendar_secs, resolution_sla_met, waiting_business_secs, csat,
          reopen_count, escalated, unresolved, handlers, quality_score, innovative)
        VALUES (:reference, :closedAt, :receivedAt, :category, :severity, :handlerGroup,
          :frBusiness, :frCalendar, :frMet, :rBusiness, :rCalendar, :rMet, :waiting, :csat, :reopenCount, :escalated,
          :unresolved, :handlers, :qualityScore, :innovative)""")
        .param("reference", k.reference()).param("closedAt", k.closedAt()).param("receivedAt", k.receivedAt())
        .param("category", k.category().name()).param("severity", k.severity().name())
        .param("handlerGroup", k.handlerGroup())
        .param("frBusiness", seconds(k.firstResponseBusiness())).param("frCalendar", seconds(k.firstResponseCalendar()))
        .param("frMet", k.firstResponseSlaMet())
        .param("rBusiness", seconds(k.resolutionBusiness())).param("rCalendar", seconds(k.resolutionCalendar()))
        .param("rMet", k.resolutionSlaMet()).param("waiting", seconds(k.waitingBusiness())).param("csat", k.csat()).param("reopenCount", k.reopenCount())
        .param("escalated", k.escalated()).param("unresolved", k.unresolved())
        .param("handlers", String.join(HANDLER_SEPARATOR, k.handlers()))
        .param("qualityScore", k.qualityScore()).param("innovative", k.innovative())
        .update();
  }

  Optional<ComplaintKpi> find(String reference) {
    return jdbc.sql("SELECT * FROM complaint_kpi WHERE complaint_reference = :reference")
        .param("reference", reference).query(KpiRepository::map).optional();
  }

  private static Long seconds(Duration d) {
    return d == null ? null : d.toSeconds();
  }

  private static Duration duration(ResultSet rs, String column) throws SQLException {
    long seconds = rs.getLong(column);
    return rs.wasNull() ? null : Duration.ofSeconds(seconds);
  }

  private static ComplaintKpi map(ResultSet rs, int row) throws SQLException {
    String handlers = rs.getString("handlers");
    Duration frBusiness = duration(rs, "first_response_business_secs");
    Duration frCalendar = duration(rs, "first_response_calendar_secs");
    return new ComplaintKpi(rs.getString("complaint_reference"), rs.getObject("closed_at", OffsetDateTime.class),
        rs.getObject("received_at", OffsetDateTime.class), Category.valueOf(rs.getString("category")),
        Severity.valueOf(rs.getString("severity")), rs.getString("handler_group"),
        frBusiness, frCalendar, rs.getBoolean("first_response_sla_met"),
        duration(rs, "resolution_business_secs"), duration(rs, "resolution_calendar_secs"),
        rs.getBoolean("resolution_sla_met"), duration(rs, "waiting_business_secs"), rs.getObject("csat", Integer.class),
        rs.getInt("reopen_count"),
        rs.getBoolean("escalated"), rs.getBoolean("unresolved"),
        handlers.isEmpty() ? List.of() : Arrays.asList(handlers.split(HANDLER_SEPARATOR)),
        rs.getInt("quality_score"), rs.getBoolean("innovative"));
  }
}
