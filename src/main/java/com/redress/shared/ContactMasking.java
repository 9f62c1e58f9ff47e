package com.redress.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Contact details as a reader who does not need them sees them (docs/security.md §3): enough to
 * tell two customers apart or confirm a number on the phone, not enough to contact anyone.
 */
public final class ContactMasking {

  private static final String HIDDEN = "****";
  /** A country code written apart from the number ("+86 138…", "+86-138…"), or China's written together. */
  private static final Pattern COUNTRY_CODE = Pattern.compile("^\\+(\\d{1,3})[\\s-]|^\\+(86)(?=\\d{11}$)");

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
   * {@code +86 138 0013 8000} → {@code +86 138 **** 8000}: the country code, and of the number never
   * more than half its digits: the first three and last four of a mobile number's eleven or more,
   * the last two of a shorter one, none of one under seven digits.
   */
  public static String phone(String phone) {
    if (phone == null) {
      return null;
    }
    String written = phone.strip();
    String country = "";
    Matcher code = COUNTRY_CODE.matcher(written);
    if (code.find()) {
      country = "+" + (code.group(1) != null ? code.group(1) : code.group(2)) + " ";
      written = written.substring(code.end());
    }
    String digits = written.replaceAll("\\D", "");
    if (digits.length() >= 11) {
      return country + digits.substring(0, 3) + " " + HIDDEN + " " + digits.substring(digits.length() - 4);
    }
    if (digits.length() >= 7) {
      return country + HIDDEN + " " + digits.substring(digits.length() - 2);
    }
    return country + HIDDEN;
  }
}
