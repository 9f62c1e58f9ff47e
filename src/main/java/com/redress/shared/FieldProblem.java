package com.redress.shared;

/** One bad field of a request, named by its JSON path (e.g. {@code customer.email}). */
public record FieldProblem(String field, String message) {
}
