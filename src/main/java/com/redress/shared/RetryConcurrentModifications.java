package com.redress.shared;

import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateAllMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A user's step (completing a task, a message from outside) that meets a job changing the same
 * process instance on another thread or node is tried again, instead of showing Tasklist users
 * "updated by another transaction concurrently". Only whole commands outside any surrounding
 * transaction are repeated: each attempt is a transaction of its own and a refused one leaves
 * nothing behind. Jobs are left to the job executor, which retries them itself.
 */
@Component
class RetryConcurrentModifications extends AbstractProcessEnginePlugin {

  /** The commands people (and customers through the API) trigger on a running process instance. */
  private static final Set<Class<?>> USER_STEPS = Set.of(ClaimTaskCmd.class, AssignTaskCmd.class,
      DelegateTaskCmd.class, CompleteTaskCmd.class, SubmitTaskFormCmd.class, ResolveTaskCmd.class,
      SetTaskVariablesCmd.class, CorrelateMessageCmd.class, CorrelateAllMessageCmd.class, MessageEventReceivedCmd.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineInterceptors.beforeTransaction(configuration, new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        boolean outermost = Context.getCommandContext() == null
            && !TransactionSynchronizationManager.isActualTransactionActive();
        if (!outermost || !USER_STEPS.contains(command.getClass())) {
          return next.execute(command);
        }
        return ConcurrentModifications.retry(() -> next.execute(command));
      }
    });
  }
}
