package com.redress.privacy;

import com.redress.identity.AsRedress;
import com.redress.shared.PersonalData;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Erases a customer's data from the engine's copies of their complaints (docs/adr/0016, 0017): the
 * variables' history (databases older than issue 17 kept it in full) through the engine's API,
 * and the texts the engine stores as it got them (a failure's message and stack trace, a task
 * comment, an old operation's value) in its tables: the one place where Redress writes them.
 */
@Component
class EngineCopies {

  /** A text column of an engine table, and the column naming the process instance its row belongs to. */
  private record Place(String table, String column, String instanceColumn, Kind kind) {
  }

  /** Text or bytes; a runtime row also carries a revision the engine checks when it writes the row back. */
  private enum Kind { TEXT, BYTES, REVISED_TEXT, REVISED_BYTES }

  private static final List<Place> TEXTS = List.of(
      new Place("ACT_RU_JOB", "EXCEPTION_MSG_", "ROOT_PROC_INST_ID_", Kind.REVISED_TEXT),
      new Place("ACT_RU_INCIDENT", "INCIDENT_MSG_", "PROC_INST_ID_", Kind.REVISED_TEXT),
      new Place("ACT_RU_INCIDENT", "ANNOTATION_", "PROC_INST_ID_", Kind.REVISED_TEXT),
      new Place("ACT_HI_INCIDENT", "INCIDENT_MSG_", "ROOT_PROC_INST_ID_", Kind.TEXT),
      new Place("ACT_HI_INCIDENT", "ANNOTATION_", "ROOT_PROC_INST_ID_", Kind.TEXT),
      new Place("ACT_HI_JOB_LOG", "JOB_EXCEPTION_MSG_", "ROOT_PROC_INST_ID_", Kind.TEXT),
      new Place("ACT_HI_OP_LOG", "ORG_VALUE_", "ROOT_PROC_INST_ID_", Kind.TEXT),
      new Place("ACT_HI_OP_LOG", "NEW_VALUE_", "ROOT_PROC_INST_ID_", Kind.TEXT),
      new Place("ACT_HI_OP_LOG", "ANNOTATION_", "ROOT_PROC_INST_ID_", Kind.TEXT),
      new Place("ACT_HI_PROCINST", "DELETE_REASON_", "ROOT_PROC_INST_ID_", Kind.TEXT),
      new Place("ACT_HI_COMMENT", "MESSAGE_", "ROOT_PROC_INST_ID_", Kind.TEXT),
      new Place("ACT_HI_COMMENT", "FULL_MSG_", "ROOT_PROC_INST_ID_", Kind.BYTES),
      // stack traces of failed jobs, and values too large for a column
      new Place("ACT_GE_BYTEARRAY", "BYTES_", "ROOT_PROC_INST_ID_", Kind.REVISED_BYTES));

  /** What was erased: the complaints' process instances whose variable history went, texts rewritten. */
  record Erased(int processInstances, int texts) {
  }

  private final HistoryService history;
  private final AsRedress asRedress;
  private final JdbcClient jdbc;

  EngineCopies(HistoryService history, AsRedress asRedress, JdbcClient jdbc) {
    this.history = history;
    this.asRedress = asRedress;
    this.jdbc = jdbc;
  }

  /** In the caller's transaction (the engine joins Spring's). */
  Erased erase(Collection<String> references, PersonalData data) {
    // the officer who asked has no permission on the cases' history: the engine's copies are Redress's to erase
    List<HistoricProcessInstance> instances = asRedress.call(() -> history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKeyIn(references.toArray(String[]::new)).unlimitedList());
    Set<String> ids = new LinkedHashSet<>();
    for (HistoricProcessInstance instance : instances) {
      ids.add(instance.getId());
      ids.add(instance.getRootProcessInstanceId());
    }
    if (ids.isEmpty()) {
      return new Erased(0, 0);
    }
    asRedress.run(() -> instances.forEach(i -> history.deleteHistoricVariableInstancesByProcessInstanceId(i.getId())));
    int texts = 0;
    for (Place place : TEXTS) {
      texts += erase(place, ids, data);
    }
    return new Erased(instances.size(), texts);
  }

  private int erase(Place place, Set<String> instanceIds, PersonalData data) {
    List<Map<String, Object>> rows = jdbc.sql("SELECT ID_, " + place.column() + " AS STORED FROM " + place.table()
            + " WHERE " + place.instanceColumn() + " IN (:ids) AND " + place.column() + " IS NOT NULL")
        .param("ids", instanceIds).query().listOfRows();
    int erased = 0;
    boolean bytes = place.kind() == Kind.BYTES || place.kind() == Kind.REVISED_BYTES;
    // a new revision: an engine that loaded the row before fails to write the old text back, and retries
    String revision = place.kind() == Kind.REVISED_TEXT || place.kind() == Kind.REVISED_BYTES ? ", REV_ = REV_ + 1" : "";
    for (Map<String, Object> row : rows) {
      Object stored = row.get("STORED");
      String text = bytes ? new String((byte[]) stored, StandardCharsets.UTF_8) : (String) stored;
      if (data.foundIn(text)) {
        String kept = data.erasedFrom(text);
        jdbc.sql("UPDATE " + place.table() + " SET " + place.column() + " = :text" + revision + " WHERE ID_ = :id")
            .param("text", bytes ? kept.getBytes(StandardCharsets.UTF_8) : kept).param("id", row.get("ID_"))
            .update();
        erased++;
      }
    }
    return erased;
  }
}
