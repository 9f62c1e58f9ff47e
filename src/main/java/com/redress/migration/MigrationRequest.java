package com.redress.migration;

import java.util.List;

/**
 * What an analyst asks to migrate: the running instances of one process from one version to
 * another, with their own mappings for elements the target renamed or moved (equal ids map by
 * themselves). {@code dryRun} answers what would happen and changes nothing.
 */
public record MigrationRequest(String processDefinitionKey, Integer sourceVersion, Integer targetVersion,
    List<Mapping> mappings, Boolean dryRun) {

  /** An element of the source version and the element of the target version its instances move to. */
  public record Mapping(String from, String to) {
  }

  public List<Mapping> mappings() {
    return mappings == null ? List.of() : mappings;
  }

  public boolean isDryRun() {
    return dryRun == null || dryRun; // what is not said is only tried
  }
}
