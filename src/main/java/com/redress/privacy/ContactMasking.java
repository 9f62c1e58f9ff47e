package com.redress.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Contact details as a reader who does not need them sees them (docs/security.md §3): enough to
 * tell two customers apart or confirm a number on the phone, not enough to contact anyone.
 */
public final class ContactMasking {

  private static final String HIDDEN = "****";
  /** A country code written apart from the number: "+86 138…", "+86-138…". */
  private static final Pattern COUNTRY_CODE = Pattern.compile("^\\+(\\d{1,3})[\\s-]");

  private ContactMasking() {
  }

  /** {@code li.wei@example.com} → {@code li***@example.com}: two characters of the mailbox, the domain. */
  public static String email(String email) {
    if (email == null) {
      return null;
    }
    int at = email.lastIndexOf('@');
    if (at < 0) {
      return HIDDEN;
    }
    int keep = Math.min(2, at - 1);
    return email.substring(0, Math.max(keep, 0)) + "***" + email.substring(at);
  }

  /**
   * {@code +86 138 0013 8000} → {@code +86 138 **** 8000}: the country code, the first three and the
   * last four digits of the number; a number of fewer than eight digits keeps only its country code.
   */
  public static String phone(String phone) {
    if (phone == null) {
      return null;
    }
    String written = phone.strip();
    String country = "";
    Matcher code = COUNTRY_CODE.matcher(written);
    if (code.find()) {
      country = "+" + code.group(1) + " ";
      written = written.substring(code.end());
    }
    String digits = written.replaceAll("\\D", "");
    if (digits.length() < 8) {
      return country + HIDDEN;
    }
    return country + digits.substring(0, 3) + " " + HIDDEN + " " + digits.substring(digits.length() - 4);
  }
}
