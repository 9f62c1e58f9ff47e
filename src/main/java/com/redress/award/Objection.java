package com.redress.award;

import java.time.OffsetDateTime;

/** An objection a member of staff filed against published results, and the committee's decision. */
public record Objection(long id, String filedBy, String reason, OffsetDateTime filedAt, String decision,
    String decidedBy, String decisionReason, OffsetDateTime decidedAt) {
}
