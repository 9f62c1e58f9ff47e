package com.redress.complaint;

import java.time.OffsetDateTime;

/** Staff list filter; every part optional. */
record ComplaintFilter(
    ComplaintStatus status,
    Severity severity,
    Category category,
    String team,
    OffsetDateTime receivedFrom,
    OffsetDateTime receivedBefore) {
}
