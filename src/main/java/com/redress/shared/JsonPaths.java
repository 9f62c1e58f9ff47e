package com.redress.shared;

import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import java.util.List;

/** Renders Jackson's path to a field as the dotted JSON path the API's errors use. */
final class JsonPaths {

  private JsonPaths() {
  }

  static String of(List<Reference> path) {
    StringBuilder text = new StringBuilder();
    for (Reference ref : path) {
      if (ref.getFieldName() != null) {
        if (!text.isEmpty()) {
          text.append('.');
        }
        text.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        text.append('[').append(ref.getIndex()).append(']');
      }
    }
    return text.isEmpty() ? "$" : text.toString();
  }
}
