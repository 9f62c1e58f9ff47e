package com.redress.support;

import java.nio.file.Path;

/**
 * A benchmark's sizes. {@code mvn verify} runs every benchmark in smoke mode, in the PostgreSQL JVM
 * beside its tests ({@code benchmark.smoke=true}, pom.xml): tiny sizes, and the scenario only has to
 * complete, so no change can break a benchmark unnoticed; {@code -Dbenchmark.smoke.skip=true} measures
 * at full size. A size given as a system property wins in both modes.
 */
public final class BenchmarkSize {

  public static final boolean SMOKE = Boolean.getBoolean("benchmark.smoke");

  private BenchmarkSize() {
  }

  /** Where a benchmark writes its figures: a smoke run's tiny figures go elsewhere. */
  public static Path measurements(String... file) {
    Path directory = Path.of("target", SMOKE ? "measurements-smoke" : "measurements");
    return file.length == 0 ? directory : directory.resolve(Path.of(file[0], java.util.Arrays.copyOfRange(file, 1,
        file.length)));
  }

  public static int of(String property, int full, int smoke) {
    return Integer.getInteger(property, SMOKE ? smoke : full);
  }
}
