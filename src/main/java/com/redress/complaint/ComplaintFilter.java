package com.redress.complaint;

import java.time.OffsetDateTime;
import java.util.Collection;

/**
 * Filter of complaint searches (staff list, auditors' search); every part optional.
 * {@code customer} matches a customer id or name, ignoring case; {@code references} limits the
 * search to these complaints (e.g. those a given user acted on); {@code access} to those the member
 * of staff searching may read, which every search must name ({@link #readableBy}).
 */
public record ComplaintFilter(
    ComplaintStatus status,
    Severity severity,
    Category category,
    String team,
    OffsetDateTime receivedFrom,
    OffsetDateTime receivedBefore,
    String customer,
    Collection<String> references,
    ComplaintAccess access) {

  public static ComplaintFilter of(ComplaintStatus status, Severity severity, Category category, String team,
      OffsetDateTime receivedFrom, OffsetDateTime receivedBefore) {
    return new ComplaintFilter(status, severity, category, team, receivedFrom, receivedBefore, null, null, null);
  }

  /** The same filter, limited to what {@code reader} may read. */
  public ComplaintFilter readableBy(ComplaintAccess reader) {
    return new ComplaintFilter(status, severity, category, team, receivedFrom, receivedBefore, customer, references,
        reader);
  }
}
