package com.redress.complaint;

import com.redress.complaint.ComplaintSubmission.CustomerInput;
import com.redress.complaint.ComplaintSubmission.MoneyInput;
import com.redress.language.Language;
import com.redress.language.Phrase;
import com.redress.shared.AppClock;
import com.redress.shared.FieldProblem;
import com.redress.shared.InvalidRequestException;
import com.redress.shared.Money;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Checks a submission field by field and reports every problem at once, by JSON path. */
@Component
public class ComplaintValidator {

  static final int MAX_SUBJECT = 200;
  /** Also a process variable: Camunda keeps text variables in a 4000-character column. */
  static final int MAX_DESCRIPTION = 4_000;
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /** Whether {@code email} looks like an e-mail address (one @, a dot in the domain, no spaces). */
  public static boolean isEmail(String email) {
    return EMAIL.matcher(email.strip()).matches();
  }

  /** Devices' clocks drift; an occurrence a few minutes "in the future" is still believable. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final AppClock clock;

  ComplaintValidator(AppClock clock) {
    this.clock = clock;
  }

  public NewComplaint validate(ComplaintSubmission s, String recordedBy, Language language) {
    List<FieldProblem> problems = new ArrayList<>();
    if (s == null) {
      throw new InvalidRequestException(List.of(FieldProblem.of("$", Phrase.REQUIRED)));
    }
    CustomerInput c = s.customer();
    CustomerTier tier = null;
    if (c == null) {
      problems.add(FieldProblem.of("customer", Phrase.REQUIRED));
    } else {
      text(problems, "customer.id", c.id(), true, 64);
      text(problems, "customer.name", c.name(), true, 200);
      if (text(problems, "customer.email", c.email(), false, 254) && c.email() != null
          && !isEmail(c.email())) {
        problems.add(FieldProblem.of("customer.email", Phrase.EMAIL));
      }
      text(problems, "customer.phone", c.phone(), false, 40);
      tier = enumValue(problems, "customer.tier", c.tier(), CustomerTier.class);
    }
    Channel channel = enumValue(problems, "channel", s.channel(), Channel.class);
    Category category = enumValue(problems, "category", s.category(), Category.class);
    text(problems, "subject", s.subject(), true, MAX_SUBJECT);
    text(problems, "description", s.description(), true, MAX_DESCRIPTION);
    text(problems, "orderReference", s.orderReference(), false, 64);
    Money amount = money(problems, "orderAmount", s.orderAmount());
    OffsetDateTime occurredAt = time(problems, "occurredAt", s.occurredAt());

    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return new NewComplaint(
        new NewComplaint.Customer(c.id().strip(), c.name().strip(), blankToNull(c.email()), blankToNull(c.phone()), tier),
        channel, category, s.subject().strip(), s.description().strip(), blankToNull(s.orderReference()),
        amount, occurredAt, recordedBy, language);
  }

  private static boolean text(List<FieldProblem> problems, String field, String value, boolean required, int max) {
    if (value == null || value.isBlank()) {
      if (required) {
        problems.add(FieldProblem.of(field, Phrase.REQUIRED));
        return false;
      }
      return true;
    }
    if (value.strip().length() > max) {
      problems.add(FieldProblem.of(field, Phrase.AT_MOST_CHARACTERS, max));
      return false;
    }
    return true;
  }

  private static <E extends Enum<E>> E enumValue(List<FieldProblem> problems, String field, String value, Class<E> type) {
    if (value == null || value.isBlank()) {
      problems.add(FieldProblem.of(field, Phrase.REQUIRED));
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
      problems.add(FieldProblem.of(field, Phrase.ONE_OF, allowed));
      return null;
    }
  }

  private static Money money(List<FieldProblem> problems, String field, MoneyInput input) {
    if (input == null) {
      return null;
    }
    Phrase amountProblem = Money.amountProblem(input.amount());
    Phrase currencyProblem = Money.currencyProblem(input.currency());
    if (amountProblem != null) {
      problems.add(FieldProblem.of(field + ".amount", amountProblem));
    }
    if (currencyProblem != null) {
      problems.add(FieldProblem.of(field + ".currency", currencyProblem));
    }
    return amountProblem == null && currencyProblem == null ? Money.parse(input.amount(), input.currency()) : null;
  }

  private OffsetDateTime time(List<FieldProblem> problems, String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      OffsetDateTime time = parseTime(value.strip());
      if (time.toInstant().isAfter(clock.now().plus(CLOCK_SKEW))) {
        problems.add(FieldProblem.of(field, Phrase.NOT_IN_FUTURE));
      }
      return time;
    } catch (DateTimeParseException e) {
      problems.add(FieldProblem.of(field, Phrase.DATE_TIME_WITH_OFFSET));
      return null;
    }
  }

  /** ISO-8601 with offset; without one (Tasklist's date picker) it is read in the business time zone. */
  private OffsetDateTime parseTime(String value) {
    try {
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException withoutOffset) {
      return LocalDateTime.parse(value).atZone(clock.businessZone()).toOffsetDateTime();
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
