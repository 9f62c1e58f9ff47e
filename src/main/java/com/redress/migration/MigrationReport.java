package com.redress.migration;

import java.util.List;
import java.util.Map;

/**
 * What a migration found and did: the source version's running instances, how many can move, the
 * others each with the engine's reason, today's model check on the target, how many moved (none in
 * a dry run), and the instances that get (or in a dry run would get) documented values for variables
 * the target reads.
 */
public record MigrationReport(int instances, int migratable, List<Blocked> blocked, List<String> findings,
    int migrated, List<Given> given) {

  /** An instance that cannot (or did not) move, and why. */
  public record Blocked(String instanceId, String reference, String reason) {
  }

  /** An instance that moves with values its process documents for variables it lacked. */
  public record Given(String instanceId, String reference, Map<String, Object> values) {
  }
}
