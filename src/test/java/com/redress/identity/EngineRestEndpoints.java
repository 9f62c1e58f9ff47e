package com.redress.identity;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.engine.rest.impl.DefaultProcessEngineRestServiceImpl;

/**
 * Every endpoint Camunda's engine REST registers, found the way JAX-RS finds them: from the root
 * resource through its sub-resource locators to each method with an HTTP method. A Camunda upgrade
 * that adds one shows up here.
 */
final class EngineRestEndpoints {

  /** One endpoint: HTTP method and path template, e.g. {@code POST /task/{id}/claim}. */
  record Endpoint(String method, String path) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private EngineRestEndpoints() {
  }

  static List<Endpoint> all() {
    assert CamundaRestResources.getResourceClasses().contains(DefaultProcessEngineRestServiceImpl.class);
    Set<Endpoint> found = new HashSet<>();
    walk(DefaultProcessEngineRestServiceImpl.class, "", found, 0);
    List<Endpoint> sorted = new ArrayList<>(found);
    sorted.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method));
    return sorted;
  }

  private static void walk(Class<?> resource, String prefix, Set<Endpoint> found, int depth) {
    if (depth > 6) {
      return;
    }
    for (Method method : resource.getMethods()) {
      Method annotated = annotated(method);
      Path path = annotated.getAnnotation(Path.class);
      String httpMethod = httpMethod(annotated);
      String full = join(prefix, path == null ? "" : path.value());
      if (httpMethod != null) {
        found.add(new Endpoint(httpMethod, full.isEmpty() ? "/" : full));
      } else if (path != null) {
        walk(method.getReturnType(), full, found, depth + 1);
      }
    }
  }

  /** JAX-RS reads annotations from the method or, failing that, from the interface method it implements. */
  private static Method annotated(Method method) {
    if (method.getAnnotation(Path.class) != null || httpMethod(method) != null) {
      return method;
    }
    for (Class<?> type : method.getDeclaringClass().getInterfaces()) {
      try {
        return annotated(type.getMethod(method.getName(), method.getParameterTypes()));
      } catch (NoSuchMethodException e) {
        // not from this interface
      }
    }
    return method;
  }

  private static String httpMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value();
      }
    }
    return null;
  }

  private static String join(String prefix, String path) {
    String joined = (prefix + "/" + path).replaceAll("/+", "/");
    // a template's regular expression ({name: .*}) matters to JAX-RS, not to the inventory
    joined = joined.replaceAll("\\{([A-Za-z]+)\\s*:[^}]*}", "{$1}");
    return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
  }

  public static void main(String[] args) {
    Set<String> lines = new TreeSet<>();
    all().forEach(e -> lines.add(e.toString()));
    lines.forEach(System.out::println);
    System.out.println(lines.size() + " endpoints");
  }
}
