package com.redress.complaint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.redress.language.Language;
import com.redress.language.LanguageResolver;
import com.redress.language.Phrase;
import com.redress.language.Phrases;
import com.redress.shared.ApiExceptionHandler;
import com.redress.shared.Database;
import com.redress.shared.RateLimits.Limit;
import com.redress.shared.RateLimits;
import com.redress.shared.TooManyRequestsException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits on what one client may ask of the public pages and endpoints, counted in the shared
 * database so that they hold across nodes: complaints submitted per client address (API and web
 * form together), and every other public request per client address. The per-e-mail limit is
 * checked where the address is known ({@link ComplaintIntake}). The client address is the
 * connection's, or the one a trusted proxy forwarded ({@code server.tomcat.remoteip.internal-proxies},
 * docs/operations.md). Over a limit: 429 with {@code Retry-After}, logged once per refusal.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class PublicLimits extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(PublicLimits.class);

  private final RateLimits counters;
  private final ObjectMapper json;
  private final Phrases phrases;
  private final LanguageResolver languages;
  private volatile Limits limits;

  /** The three limits, from {@code redress.public-limits.*}. */
  record Limits(Limit intakePerAddress, Limit requestsPerAddress, Limit intakePerEmail) {
  }

  PublicLimits(RateLimits limits, ObjectMapper json, Phrases phrases, LanguageResolver languages,
      @Value("${redress.public-limits.intake-per-address}") int intakePerAddress,
      @Value("${redress.public-limits.intake-per-address-window}") Duration intakePerAddressWindow,
      @Value("${redress.public-limits.requests-per-address}") int requestsPerAddress,
      @Value("${redress.public-limits.requests-per-address-window}") Duration requestsPerAddressWindow,
      @Value("${redress.public-limits.intake-per-email}") int intakePerEmail,
      @Value("${redress.public-limits.intake-per-email-window}") Duration intakePerEmailWindow) {
    this.counters = limits;
    this.json = json;
    this.phrases = phrases;
    this.languages = languages;
    this.limits = new Limits(new Limit("intake-address", intakePerAddress, intakePerAddressWindow),
        new Limit("public-address", requestsPerAddress, requestsPerAddressWindow),
        new Limit("intake-email", intakePerEmail, intakePerEmailWindow));
  }

  Limits limits() {
    return limits;
  }

  /** For tests, which share one application with tests that must not meet the limits. */
  void use(Limits changed) {
    this.limits = changed;
  }

  /** Counts a new complaint for this customer e-mail address; refuses it over the limit. */
  void countSubmissionFor(String email) {
    Limit perEmail = limits.intakePerEmail();
    if (email != null) {
      counters.hit(perEmail, mailbox(email)).ifPresent(wait -> {
        LOG.info("Refused a complaint for an e-mail address over its limit of {} per {}", perEmail.hits(),
            perEmail.window());
        throw new TooManyRequestsException(Phrase.TOO_MANY_FOR_ADDRESS.with(), wait);
      });
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = routed(request);
    boolean pages = path.equals("/complaints") || path.startsWith("/complaints/");
    // the API's public calls; staff sign in with HTTP Basic (a wrong password is refused before any controller)
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    boolean staff = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    boolean api = (path.equals("/api/complaints") || path.startsWith("/api/complaints/")) && !staff;
    return !(pages || api);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = routed(request);
    boolean submission = "POST".equals(request.getMethod())
        && (path.equals("/api/complaints") || path.equals("/complaints"));
    Limit limit = submission ? limits.intakePerAddress() : limits.requestsPerAddress();
    Optional<Duration> wait;
    try {
      wait = counters.hit(limit, client(request.getRemoteAddr()));
    } catch (DataAccessException e) {
      if (!Database.unreachable(e)) {
        throw e;
      }
      // the request could not be served either: say so as the API does
      LOG.warn("Database out of reach counting a public request: {}", e.toString());
      response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
      response.setHeader(HttpHeaders.RETRY_AFTER, ApiExceptionHandler.RETRY_AFTER_SECONDS);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      json.writeValue(response.getWriter(), ApiExceptionHandler.databaseUnavailable(phrases, languages.resolveLocale(request)));
      return;
    }
    if (wait.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    LOG.info("Refused {} {} from a client address over its limit of {} per {}", request.getMethod(), path,
        limit.hits(), limit.window());
    TooManyRequestsException refusal = new TooManyRequestsException(
        (submission ? Phrase.TOO_MANY_COMPLAINTS : Phrase.TOO_MANY_REQUESTS).with(), wait.get());
    Language language = languages.languageOf(request);
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, refusal.retryAfterSeconds());
    response.setCharacterEncoding("UTF-8");
    if (path.startsWith("/api/")) {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      json.writeValue(response.getWriter(), ApiExceptionHandler.tooManyRequests(refusal, phrases, language.locale()));
    } else {
      response.setContentType(MediaType.TEXT_HTML_VALUE);
      // our own words only: nothing of the request is echoed
      response.getWriter().write("<!DOCTYPE html><html lang=\"" + language.tag() + "\"><head><meta charset=\"UTF-8\">"
          + "<title>" + phrases.say(Phrase.TITLE_TOO_MANY_REQUESTS.with(), language.locale()) + "</title></head><body><p>"
          + refusal.messageIn(phrases, language.locale()) + " (" + refusal.retryAfterSeconds() + " s)</p></body></html>");
    }
  }

  /** Where the container routes the request: decoded and normalized, as the controllers see it. */
  private static String routed(HttpServletRequest request) {
    return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
  }

  /** An IPv6 client is counted by its /64 network: one subscriber holds a whole one. */
  static String client(String address) {
    if (address.indexOf(':') < 0) {
      return address;
    }
    try {
      byte[] bytes = InetAddress.getByName(address).getAddress();
      return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : address;
    } catch (UnknownHostException notAnAddress) {
      return address;
    }
  }

  /** One mailbox, however it is spelled: case and a {@code +tag} make no other recipient. */
  static String mailbox(String email) {
    String address = email.strip().toLowerCase(Locale.ROOT);
    int at = address.lastIndexOf('@');
    int plus = address.indexOf('+');
    return plus > 0 && plus < at ? address.substring(0, plus) + address.substring(at) : address;
  }
}
