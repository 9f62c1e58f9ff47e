package com.redress.analysis;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Evaluates a changed decision for every case: each distinct set of inputs once (decisions are
 * pure functions of their inputs, and past complaints repeat them a lot), spread over the
 * machine's cores. A FEEL evaluation costs about a millisecond, so this is what makes a year of
 * complaints a matter of seconds.
 */
final class Evaluations {

  /** The decision's outcome for one case, or why it could not be evaluated; null inputs are not evaluated. */
  record Evaluated<R>(R outcome, RuntimeException failure) {
  }

  private Evaluations() {
  }

  static <R> List<Evaluated<R>> of(List<Map<String, Object>> inputs, Function<Map<String, Object>, R> decision,
      DecisionReplay.Progress progress) {
    Map<Map<String, Object>, Evaluated<R>> known = new ConcurrentHashMap<>();
    ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    try {
      return pool.submit(() -> IntStream.range(0, inputs.size()).parallel().mapToObj(i -> {
        Map<String, Object> in = inputs.get(i);
        Evaluated<R> result = in == null ? null : known.computeIfAbsent(in, key -> evaluate(decision, key));
        progress.done();
        return result;
      }).toList()).join();
    } finally {
      pool.shutdown();
    }
  }

  private static <R> Evaluated<R> evaluate(Function<Map<String, Object>, R> decision, Map<String, Object> inputs) {
    try {
      return new Evaluated<>(decision.apply(inputs), null);
    } catch (RuntimeException e) {
      return new Evaluated<>(null, e);
    }
  }
}
