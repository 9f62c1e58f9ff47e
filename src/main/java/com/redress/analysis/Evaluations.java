package com.redress.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Evaluates a changed decision for every case: each distinct set of inputs once (decisions are
 * pure functions of their inputs, and past complaints repeat them a lot), spread over the
 * machine's cores. A FEEL evaluation costs about a millisecond, so this is what makes a year of
 * complaints a matter of seconds.
 */
final class Evaluations {

  /** The decision's outcome for one case, or why it could not be evaluated. */
  record Evaluated<R>(R outcome, RuntimeException failure) {
  }

  private Evaluations() {
  }

  /**
   * Evaluates {@code decision} for each case's inputs, then hands each case with its outcome to
   * {@code each}, in order. Cases without recorded inputs are counted as skipped; cases the
   * decision fails on go to {@code failures}. Returns the number skipped.
   */
  static <C, R> int replay(List<C> cases, Function<C, Map<String, Object>> inputsOf, Function<C, String> idOf,
      Function<Map<String, Object>, R> decision, DecisionReplay.Progress progress, Failures failures,
      BiConsumer<C, R> each) {
    List<Evaluated<R>> evaluated = of(cases.stream().map(inputsOf).toList(), decision, progress);
    int skipped = 0;
    for (int i = 0; i < cases.size(); i++) {
      Evaluated<R> result = evaluated.get(i);
      if (result == null) {
        skipped++;
      } else if (result.failure() != null) {
        failures.add(idOf.apply(cases.get(i)), result.failure());
      } else {
        each.accept(cases.get(i), result.outcome());
      }
    }
    return skipped;
  }

  /** One outcome per input set, in order; null for null inputs. */
  private static <R> List<Evaluated<R>> of(List<Map<String, Object>> inputs, Function<Map<String, Object>, R> decision,
      DecisionReplay.Progress progress) {
    Map<Map<String, Object>, Evaluated<R>> known = new ConcurrentHashMap<>();
    int threads = Runtime.getRuntime().availableProcessors();
    ClassLoader application = Evaluations.class.getClassLoader();
    // the FEEL engine finds its extensions through the context class loader: the application's, in the packaged jar too
    ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
      Thread thread = new Thread(task, "what-if-evaluation");
      thread.setContextClassLoader(application);
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Callable<Void>> slices = new ArrayList<>();
      @SuppressWarnings("unchecked")
      Evaluated<R>[] results = new Evaluated[inputs.size()];
      for (int t = 0; t < threads; t++) {
        int first = t;
        slices.add(() -> {
          for (int i = first; i < inputs.size(); i += threads) {
            Map<String, Object> in = inputs.get(i);
            results[i] = in == null ? null : known.computeIfAbsent(in, key -> evaluate(decision, key));
            progress.done();
          }
          return null;
        });
      }
      for (Future<Void> slice : pool.invokeAll(slices)) {
        slice.get();
      }
      return Arrays.asList(results);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("The replay was interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("The replay failed", e.getCause());
    } finally {
      pool.shutdownNow();
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
