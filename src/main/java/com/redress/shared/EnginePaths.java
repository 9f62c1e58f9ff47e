package com.redress.shared;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.web.util.UriUtils;

/**
 * The two doors to the engine's REST API, in one canonical form for every guard: Camunda's engine
 * REST ({@code /engine-rest}, also as {@code /engine-rest/engine/{name}}) and the webapps' copy of
 * it ({@code /camunda/api/engine/engine/{name}}); the webapps' plugin APIs beside them. A path is
 * percent-decoded and loses a trailing slash, which engine REST routes like the path without it. A
 * path the servlet container and JAX-RS might read differently ({@code ;} parameters, double
 * slashes, dot segments, encoded slashes, dots or backslashes) has no canonical form and is refused.
 */
public final class EnginePaths {

  private static final Pattern NOT_CANONICAL = Pattern.compile(
      ";|\\\\|//|%2[fFeE]|%5[cC]|%3[bB]|%00|(^|/)\\.{1,2}(/|$)");

  private EnginePaths() {
  }

  /** Where a canonical path leads: the engine's REST API or a webapp's plugin API. */
  public record Target(String api, String path) {
    public static final String ENGINE = "engine";
    public static final String NOT_GUARDED = "-";
  }

  /**
   * The canonical form of a request path (without the context path), or empty when it is not
   * canonical and must be refused.
   */
  public static Optional<String> canonical(String rawPath) {
    if (NOT_CANONICAL.matcher(rawPath).find()) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded = UriUtils.decode(rawPath, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException badEncoding) {
      return Optional.empty();
    }
    if (decoded.length() > 1 && decoded.endsWith("/")) {
      decoded = decoded.substring(0, decoded.length() - 1);
    }
    return Optional.of(decoded);
  }

  /** What a canonical path leads to; {@link Target#NOT_GUARDED} for everything outside both doors. */
  public static Target target(String path) {
    String[] segments = split(path);
    if (segments.length >= 1 && segments[0].equals("engine-rest")) {
      // /engine-rest/engine lists the engines; /engine-rest/engine/{name}/… is the same API by name
      if (segments.length >= 3 && segments[1].equals("engine")) {
        return new Target(Target.ENGINE, join(segments, 3));
      }
      return new Target(Target.ENGINE, join(segments, 1));
    }
    if (segments.length >= 3 && segments[0].equals("camunda") && segments[1].equals("api")) {
      if (segments[2].equals("engine")) {
        return new Target(Target.ENGINE, segments.length >= 5 ? join(segments, 5) : "/engine");
      }
      return new Target("webapp", path);
    }
    return new Target(Target.NOT_GUARDED, path);
  }

  private static String[] split(String path) {
    return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
  }

  private static String join(String[] segments, int from) {
    return "/" + String.join("/", Arrays.copyOfRange(segments, Math.min(from, segments.length), segments.length));
  }
}
