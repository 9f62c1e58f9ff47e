package com.redress.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/** Adds Redress's command interceptors to the engine's chain, for plugins' preInit. */
public final class EngineInterceptors {

  private EngineInterceptors() {
  }

  /** Before the transaction starts: the interceptor sees the whole command, its commit included. */
  public static void beforeTransaction(ProcessEngineConfigurationImpl configuration, CommandInterceptor interceptor) {
    add(configuration::getCustomPreCommandInterceptorsTxRequired,
        configuration::setCustomPreCommandInterceptorsTxRequired, interceptor);
  }

  /** Inside the transaction and the command context, just before the command runs. */
  public static void insideTransaction(ProcessEngineConfigurationImpl configuration, CommandInterceptor interceptor) {
    add(configuration::getCustomPostCommandInterceptorsTxRequired,
        configuration::setCustomPostCommandInterceptorsTxRequired, interceptor);
  }

  /** Inside the transaction: runs {@code action} before each command {@code applies} to. */
  public static void beforeEach(ProcessEngineConfigurationImpl configuration, Predicate<Command<?>> applies,
      Runnable action) {
    insideTransaction(configuration, new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        if (applies.test(command)) {
          action.run();
        }
        return next.execute(command);
      }
    });
  }

  private static void add(Supplier<List<CommandInterceptor>> get, Consumer<List<CommandInterceptor>> set,
      CommandInterceptor interceptor) {
    if (get.get() == null) {
      set.accept(new ArrayList<>());
    }
    get.get().add(interceptor);
  }
}
