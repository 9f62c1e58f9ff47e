package com.redress.shared;

import java.util.List;

/** The paged list shape of every {@code /api} list endpoint. */
public record PageResult<T>(List<T> items, int page, int size, long totalElements) {
}
