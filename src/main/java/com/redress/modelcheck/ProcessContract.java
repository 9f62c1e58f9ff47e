package com.redress.modelcheck;

import com.redress.award.EmployeeAwardProcess;
import com.redress.compensation.CompensationApprovalProcess;
import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.notification.MessageDeliveryProcess;
import com.redress.shared.ProcessVariable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What code relies on in one process, read from its constants class: the element ids (constant
 * name by id), the decisions and forms it names, the form fields it reads, every variable it
 * knows and what its steps write that models read. A model may add to these but must not lose any.
 */
record ProcessContract(String key, String owner, Map<String, String> elementIds, Set<String> decisions,
    Set<String> forms, Map<String, Set<String>> formFields, Set<String> variables,
    Map<String, Set<String>> stepWrites) {

  /** The processes Redress ships. */
  static final List<ProcessContract> REDRESS = List.of(
      of(ComplaintHandlingProcess.class, ComplaintHandlingProcess.FORM_FIELDS, ComplaintHandlingProcess.STEP_WRITES),
      of(CompensationApprovalProcess.class, CompensationApprovalProcess.FORM_FIELDS,
          CompensationApprovalProcess.STEP_WRITES),
      of(EmployeeAwardProcess.class, EmployeeAwardProcess.FORM_FIELDS, EmployeeAwardProcess.STEP_WRITES),
      of(MessageDeliveryProcess.class, MessageDeliveryProcess.FORM_FIELDS, Map.of()));

  static ProcessContract of(Class<?> constants, Map<String, List<ProcessVariable<?>>> formFields,
      Map<String, List<ProcessVariable<?>>> stepWrites) {
    String key = null;
    Map<String, String> ids = new LinkedHashMap<>();
    Set<String> decisions = new LinkedHashSet<>();
    Set<String> forms = new LinkedHashSet<>();
    Set<String> variables = new LinkedHashSet<>();
    for (Field field : constants.getFields()) {
      if (!Modifier.isStatic(field.getModifiers())) {
        continue;
      }
      Object value = read(field);
      if (value instanceof String id) {
        if (field.getName().equals("KEY")) {
          key = id;
        } else if (field.getName().startsWith("DECISION_")) {
          decisions.add(id);
        } else if (field.getName().startsWith("FORM_")) {
          forms.add(id);
        } else {
          ids.put(id, constants.getSimpleName() + "." + field.getName());
        }
      } else if (value instanceof ProcessVariable<?> variable) {
        variables.add(variable.name());
      }
    }
    return new ProcessContract(key, constants.getSimpleName(), ids, decisions, forms, names(formFields), variables,
        names(stepWrites));
  }

  private static Map<String, Set<String>> names(Map<String, List<ProcessVariable<?>>> variables) {
    Map<String, Set<String>> names = new LinkedHashMap<>();
    variables.forEach((owner, list) -> names.put(owner,
        list.stream().map(ProcessVariable::name).collect(Collectors.toCollection(LinkedHashSet::new))));
    return names;
  }

  private static Object read(Field field) {
    try {
      return field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
