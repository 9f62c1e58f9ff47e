package com.redress.language;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Who reads what in which language (docs/adr/0018): the customer pages in the customer's (the
 * {@code lang} switch on the page, kept in a cookie, else {@code Accept-Language}), the API in
 * the caller's ({@code Accept-Language}), the staff pages in the installation's. A language
 * Redress does not speak gives the installation's.
 */
public class LanguageResolver implements LocaleResolver {

  /** The switch on the customer pages: {@code ?lang=zh-CN}. */
  public static final String PARAMETER = "lang";
  static final String COOKIE = "redress-language";
  /** Where the customer pages live; the cookie is sent there only. */
  static final String CUSTOMER_PAGES = "/complaints";
  private static final String API = "/api/";
  private static final Duration COOKIE_LIFE = Duration.ofDays(365);

  private final InstallationLanguage installation;

  public LanguageResolver(InstallationLanguage installation) {
    this.installation = installation;
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    return languageOf(request).locale();
  }

  public Language languageOf(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Optional<Language> asked = Optional.empty();
    if (isCustomerPage(path)) {
      asked = Language.find(request.getParameter(PARAMETER)).or(() -> cookie(request))
          .or(() -> Language.acceptedIn(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
    } else if (path.startsWith(API)) {
      asked = Language.acceptedIn(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }
    return asked.orElseGet(installation::get);
  }

  /** Keeps a customer's switch for the pages they open next (the status link in the next e-mail too). */
  void remember(HttpServletRequest request, HttpServletResponse response) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (isCustomerPage(path)) {
      Language.find(request.getParameter(PARAMETER)).ifPresent(language -> {
        Cookie cookie = new Cookie(COOKIE, language.tag());
        cookie.setPath(request.getContextPath() + CUSTOMER_PAGES);
        cookie.setMaxAge((int) COOKIE_LIFE.toSeconds());
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
      });
    }
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    throw new UnsupportedOperationException("the language follows the request (LanguageResolver), it is not set");
  }

  private static boolean isCustomerPage(String path) {
    return path.equals(CUSTOMER_PAGES) || path.startsWith(CUSTOMER_PAGES + "/");
  }

  private static Optional<Language> cookie(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    return cookies == null ? Optional.empty() : Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName()))
        .findFirst().flatMap(c -> Language.find(c.getValue()));
  }
}
