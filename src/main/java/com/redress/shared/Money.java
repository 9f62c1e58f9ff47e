package com.redress.shared;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.redress.language.Phrase;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/** An amount with its currency. Never a float: the amount travels as a decimal string. */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {

  private static final Pattern AMOUNT = Pattern.compile("\\d{1,15}(\\.\\d{1,2})?");

  /** NUMERIC(19,2): at most 17 digits before the decimal point. */
  private static final int MAX_INTEGER_DIGITS = 17;

  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    // checked before scaling: "1e999999999" would otherwise become a number a billion digits long
    if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
      throw new IllegalArgumentException("amount has more than " + MAX_INTEGER_DIGITS + " digits before the point");
    }
    amount = amount.setScale(2, RoundingMode.UNNECESSARY);
  }

  /** Why {@code text} is not a valid non-negative amount, or null when it is. */
  public static Phrase amountProblem(String text) {
    if (text == null || text.isBlank()) {
      return Phrase.REQUIRED;
    }
    if (text.strip().startsWith("-")) {
      return Phrase.NOT_NEGATIVE;
    }
    if (!AMOUNT.matcher(text.strip()).matches()) {
      return Phrase.DECIMAL_AMOUNT;
    }
    return null;
  }

  /** Why {@code code} is not a known ISO 4217 currency, or null when it is. */
  public static Phrase currencyProblem(String code) {
    if (code == null || code.isBlank()) {
      return Phrase.REQUIRED;
    }
    try {
      Currency currency = Currency.getInstance(code);
      return currency.getCurrencyCode().equals(code) ? null : Phrase.CURRENCY_CODE;
    } catch (IllegalArgumentException e) {
      return Phrase.UNKNOWN_CURRENCY;
    }
  }

  /** Parses values already checked with {@link #amountProblem} and {@link #currencyProblem}. */
  public static Money parse(String amount, String currency) {
    return new Money(new BigDecimal(amount.strip()), currency);
  }
}
