package com.redress.modelcheck;

import com.redress.shared.ExposedToModels;
import java.beans.FeatureDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotFoundException;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotWritableException;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * The engine's expression language as Redress allows it: what an expression can reach is decided
 * by the resolvers below, not by what its text looks like. An expression may read process
 * variables ({@code ${surveyScore <= 2}}), entries of a map or list variable ({@code ${policy.band}}),
 * the named delegates and listeners ({@code ${registerComplaintDelegate}}), the properties of beans
 * marked {@link ExposedToModels} ({@code ${awardSchedule.cron}}), a few accessors of the current
 * execution and task ({@code #{execution.processBusinessKey}}), and the engine's functions
 * ({@code ${currentUser()}} in Tasklist's stored filters). It cannot call a method on any object
 * (no resolver here answers {@code invoke}), read {@code class} or any other property of an
 * arbitrary object, or reach any other Spring bean: such an expression fails when it is evaluated,
 * whoever deployed it and however it is written. Camunda's own managers add a bean resolver that
 * calls any public method, which made every analyst's deployment right a way to run commands.
 */
class ModelExpressions extends JuelExpressionManager {

  private final Supplier<ModelBeans> beans;
  private final ListableBeanFactory factory;

  /** @param beans the beans models may name, looked up once the application's beans are defined */
  ModelExpressions(ListableBeanFactory factory, Supplier<ModelBeans> beans) {
    this.factory = factory;
    this.beans = beans;
  }

  /**
   * The engine's functions for Tasklist's stored filters and dates; others are left out (Spin
   * adds {@code S()}, {@code JSON()} and {@code XML()}, and {@code JSON(execution)} would read every
   * getter behind the execution, the data source's among them).
   */
  static final Set<String> FUNCTIONS = Set.of("currentUser", "currentUserGroups", "now", "dateTime");

  @Override
  public void addFunction(String name, Method function) {
    if (FUNCTIONS.contains(name)) {
      super.addFunction(name, function);
    }
  }

  @Override
  protected ELResolver createElResolver() {
    CompositeELResolver resolver = new CompositeELResolver();
    resolver.add(new VariableScopeElResolver());
    resolver.add(new NamedBeans());
    resolver.add(new CaseAccessors());
    resolver.add(new ExposedBeanProperties());
    // read-only: an expression never writes a variable's entries
    resolver.add(new MapELResolver(true));
    resolver.add(new ListELResolver(true));
    resolver.add(new ArrayELResolver(true));
    return resolver;
  }

  /** A resolver that only reads: the common part of the ones below. */
  private abstract static class ReadOnlyResolver extends ELResolver {

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
      return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
      throw new PropertyNotWritableException("Expressions in Redress's models only read");
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
      return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
      return Collections.emptyIterator();
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
      return Object.class;
    }
  }

  /** A top-level name that is a delegate, a listener or an exposed bean (variables come first). */
  private final class NamedBeans extends ReadOnlyResolver {

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      if (base == null && property instanceof String name) {
        ModelBeans allowed = beans.get();
        if (allowed.delegates().contains(name) || allowed.exposed().contains(name)) {
          context.setPropertyResolved(true);
          return factory.getBean(name);
        }
      }
      return null;
    }
  }

  /** The accessors of the current execution and task that models and listeners' expressions read. */
  static final Map<String, Function<DelegateExecution, Object>> EXECUTION_PROPERTIES = Map.of(
      "processBusinessKey", DelegateExecution::getProcessBusinessKey,
      "processInstanceId", DelegateExecution::getProcessInstanceId,
      "currentActivityId", DelegateExecution::getCurrentActivityId);
  static final Map<String, Function<DelegateTask, Object>> TASK_PROPERTIES = Map.of(
      "id", DelegateTask::getId,
      "taskDefinitionKey", DelegateTask::getTaskDefinitionKey,
      "assignee", DelegateTask::getAssignee,
      "processInstanceId", DelegateTask::getProcessInstanceId);

  private static final class CaseAccessors extends ReadOnlyResolver {

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      if (base instanceof DelegateExecution execution) {
        return read(context, "execution", EXECUTION_PROPERTIES, execution, property);
      }
      if (base instanceof DelegateTask task) {
        return read(context, "task", TASK_PROPERTIES, task, property);
      }
      return null;
    }

    private static <T> Object read(ELContext context, String what, Map<String, Function<T, Object>> allowed, T base,
        Object property) {
      Function<T, Object> accessor = allowed.get(String.valueOf(property));
      if (accessor == null) {
        throw new PropertyNotFoundException("Expressions may read only " + new TreeSet<>(allowed.keySet())
            + " of the " + what + ", not '" + property + "'");
      }
      context.setPropertyResolved(true);
      return accessor.apply(base);
    }
  }

  /** {@code ${bean.name}}: a public getter declared by a class marked {@link ExposedToModels}, nothing inherited. */
  private static final class ExposedBeanProperties extends ReadOnlyResolver {

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      if (base == null || !(property instanceof String name) || name.isEmpty()) {
        return null;
      }
      Class<?> type = ClassUtils.getUserClass(base);
      if (!type.isAnnotationPresent(ExposedToModels.class)) {
        return null;
      }
      String suffix = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
      for (Method method : type.getDeclaredMethods()) {
        if ((method.getName().equals("get" + suffix) || method.getName().equals("is" + suffix))
            && method.getParameterCount() == 0 && Modifier.isPublic(method.getModifiers())
            && !Modifier.isStatic(method.getModifiers())) {
          context.setPropertyResolved(true);
          try {
            return method.invoke(base);
          } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Reading " + name + " of an exposed bean failed", e);
          }
        }
      }
      return null;
    }
  }
}
