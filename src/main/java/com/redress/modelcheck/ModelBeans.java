package com.redress.modelcheck;

import com.redress.shared.ExposedToModels;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The Spring beans a model may name: delegates and listeners in delegate expressions, the beans
 * marked {@link ExposedToModels} in other expressions; every other bean is refused wherever it
 * appears, since the engine's expressions could otherwise reach it.
 */
public record ModelBeans(Set<String> delegates, Set<String> exposed, Set<String> all) {

  private static final Class<?>[] DELEGATE_TYPES = {JavaDelegate.class, ExecutionListener.class, TaskListener.class};

  /** The running application's beans: exact, for the check on deployment. */
  static ModelBeans of(ListableBeanFactory factory) {
    Set<String> delegates = new HashSet<>();
    for (Class<?> type : DELEGATE_TYPES) {
      delegates.addAll(Arrays.asList(factory.getBeanNamesForType(type, true, false)));
    }
    Set<String> all = new HashSet<>(Arrays.asList(factory.getBeanDefinitionNames()));
    if (factory instanceof ConfigurableListableBeanFactory configurable) {
      all.addAll(Arrays.asList(configurable.getSingletonNames()));
    }
    return new ModelBeans(delegates, Set.of(factory.getBeanNamesForAnnotation(ExposedToModels.class)), all);
  }

  /**
   * Redress's own components, found on the class path without starting anything: for the command
   * line. Beans of Spring and Camunda are not known here; the check on deployment knows them.
   */
  static ModelBeans scanned() {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
    Set<String> delegates = new HashSet<>();
    Set<String> exposed = new HashSet<>();
    Set<String> all = new HashSet<>();
    for (BeanDefinition definition : scanner.findCandidateComponents("com.redress")) {
      String name = AnnotationBeanNameGenerator.INSTANCE.generateBeanName(definition, registry);
      Class<?> type = ClassUtils.resolveClassName(definition.getBeanClassName(), ModelBeans.class.getClassLoader());
      all.add(name);
      if (Arrays.stream(DELEGATE_TYPES).anyMatch(t -> t.isAssignableFrom(type))) {
        delegates.add(name);
      }
      if (type.isAnnotationPresent(ExposedToModels.class)) {
        exposed.add(name);
      }
    }
    return new ModelBeans(delegates, exposed, all);
  }
}
