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
 * name by id), the decisions and forms it names, the form fields it reads and every variable it
 * knows. A model may add to these but must not lose any.
 */
record ProcessContract(String key, String owner, Map<String, String> elementIds, Set<String> decisions,
    Set<String> forms, Map<String, Set<String>> formFields, Set<String> variables) {

  /** The processes Redress ships. */
  static final List<ProcessContract> REDRESS = List.of(
      of(ComplaintHandlingProcess.class, ComplaintHandlingProcess.FORM_FIELDS),
      of(CompensationApprovalProcess.class, CompensationApprovalProcess.FORM_FIELDS),
      of(EmployeeAwardProcess.class, EmployeeAwardProcess.FORM_FIELDS),
      of(MessageDeliveryProcess.class, MessageDeliveryProcess.FORM_FIELDS));

  static ProcessContract of(Class<?> constants, Map<String, List<ProcessVariable<?>>> formFields) {
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
    Map<String, Set<String>> fields = new LinkedHashMap<>();
    formFields.forEach((form, read) -> fields.put(form,
        read.stream().map(ProcessVariable::name).collect(Collectors.toCollection(LinkedHashSet::new))));
    return new ProcessContract(key, constants.getSimpleName(), ids, decisions, forms, fields, variables);
  }

  private static Object read(Field field) {
    try {
      return field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
