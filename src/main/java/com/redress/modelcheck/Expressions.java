package com.redress.modelcheck;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables an expression reads: JUEL in sequence-flow conditions, FEEL in decision inputs.
 * Good enough for the names analysts write, not a parser: literals, keywords, function calls and
 * property names after a dot are left out.
 */
final class Expressions {

  private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
  /** FEEL's built-in functions whose names have spaces: their words are no variables. */
  private static final Pattern FEEL_FUNCTION_WITH_SPACES = Pattern.compile("\\b(date and time|years and months duration"
      + "|string length|upper case|lower case|substring before|substring after|starts with|ends with|list contains"
      + "|insert before|index of|distinct values|day of week|day of year|week of year|month of year|is defined"
      + "|get value|get entries|get or else|string join|put all|context put|context merge|last day of month|is empty"
      + "|round up|round down|round half up|round half down|time zone)\\s*\\(");
  private static final Pattern NAME = Pattern.compile("(?<![.\\w])([A-Za-z_][A-Za-z0-9_]*)(\\s*\\()?");
  private static final Set<String> KEYWORDS = Set.of(
      // JUEL
      "true", "false", "null", "empty", "not", "and", "or", "eq", "ne", "lt", "gt", "le", "ge", "div", "mod",
      "instanceof", "execution", "task", "authenticatedUserId",
      // FEEL
      "if", "then", "else", "for", "in", "some", "every", "satisfies", "return", "between", "instance", "of",
      "function");

  private Expressions() {
  }

  /** The expression with every string literal emptied: names inside quotes are text, not code. */
  private static String withoutStringLiterals(String expression) {
    return STRING_LITERAL.matcher(expression).replaceAll("''");
  }

  static Set<String> variables(String expression) {
    Set<String> names = new LinkedHashSet<>();
    if (expression == null) {
      return names;
    }
    String code = FEEL_FUNCTION_WITH_SPACES.matcher(withoutStringLiterals(expression)).replaceAll("f(");
    Matcher name = NAME.matcher(code);
    while (name.find()) {
      boolean call = name.group(2) != null;
      if (!call && !KEYWORDS.contains(name.group(1))) {
        names.add(name.group(1));
      }
    }
    return names;
  }
}
