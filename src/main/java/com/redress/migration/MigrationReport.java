package com.redress.migration;

import java.util.List;

/**
 * What a migration found and did: the source version's running instances, how many can move, the
 * others each with the engine's reason, today's model check on the target, and how many moved
 * (none in a dry run).
 */
public record MigrationReport(int instances, int migratable, List<Blocked> blocked, List<String> findings,
    int migrated) {

  /** An instance that cannot (or did not) move, and why. */
  public record Blocked(String instanceId, String reference, String reason) {
  }
}
