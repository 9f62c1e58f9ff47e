package com.redress.complaint;

import com.redress.language.Language;
import com.redress.language.LanguageResolver;
import com.redress.language.Phrase;
import com.redress.language.Phrases;
import com.redress.language.Wording;
import com.redress.shared.AppClock;
import com.redress.shared.ConcurrentModifications;
import com.redress.shared.ConflictException;
import com.redress.shared.FieldProblem;
import com.redress.shared.InvalidRequestException;
import com.redress.shared.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The customer's pages, server-rendered without JavaScript: submit a complaint (the web channel),
 * follow its status and history, answer the survey. The complaint's access token from the e-mailed
 * link is the only credential; an unknown reference and a wrong token get the same 404 page.
 */
@Controller
class CustomerPages {

  private final ComplaintIntake intake;
  private final ComplaintService complaints;
  private final SurveyService surveys;
  private final AccessTokens tokens;
  private final CustomerHistory history;
  private final AppClock clock;
  private final CompensationInfo compensations;
  private final LanguageResolver languages;
  /** What a customer may write in answer to a question on the page. */
  static final int MAX_ANSWER = 2_000;

  private final AttachmentNames attachmentNames;
  private final CustomerAnswers answers;
  private final Phrases phrases;

  CustomerPages(ComplaintIntake intake, ComplaintService complaints, SurveyService surveys, AccessTokens tokens,
      CustomerHistory history, AppClock clock, CompensationInfo compensations, LanguageResolver languages,
      Phrases phrases, AttachmentNames attachmentNames, CustomerAnswers answers) {
    this.attachmentNames = attachmentNames;
    this.answers = answers;
    this.languages = languages;
    this.phrases = phrases;
    this.compensations = compensations;
    this.intake = intake;
    this.complaints = complaints;
    this.surveys = surveys;
    this.tokens = tokens;
    this.history = history;
    this.clock = clock;
  }

  /** A link that shows this page in another language: the switch at the top of every customer page. */
  record LanguageLink(String tag, String name, String href, boolean current) {
  }

  /**
   * The page just shown in each language. A page answering a form (a refusal) links to the form's
   * own page; the token, a credential, stays in the link as it is in the page's address.
   */
  @ModelAttribute("languages")
  List<LanguageLink> languageLinks(HttpServletRequest request) {
    Language current = languages.languageOf(request);
    ServletUriComponentsBuilder page = ServletUriComponentsBuilder.fromCurrentRequestUri();
    if ("POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/complaints")) {
      page.replacePath(request.getContextPath() + "/complaints/new");
    }
    String token = request.getParameter("token");
    return Arrays.stream(Language.values()).map(language -> new LanguageLink(language.tag(), language.ownName(),
        page.cloneBuilder().replaceQuery(null).queryParamIfPresent("token", Optional.ofNullable(token))
            .queryParam(LanguageResolver.PARAMETER, language.tag()).build().encode().toUriString(),
        language == current)).toList();
  }

  /** The web form's fields; {@code submissionId} makes a double-clicked submit one complaint. */
  record WebComplaint(String submissionId, String name, String email, String phone, String customerNumber,
      String category, String subject, String description, String orderReference, String orderAmount,
      String orderCurrency, String occurredAt) {
  }

  @GetMapping("/complaints/new")
  String newComplaint(Model model) {
    model.addAttribute("form", new WebComplaint(UUID.randomUUID().toString(), "", "", "", "", "", "", "", "", "",
        "CNY", ""));
    return formPage(model, Map.of());
  }

  @PostMapping("/complaints")
  String submit(@ModelAttribute WebComplaint form, Model model, HttpServletRequest request,
      HttpServletResponse response) {
    try {
      ComplaintService.Submitted submitted = intake.submit(submission(form), form.submissionId(),
          languages.languageOf(request)).submitted();
      return "redirect:" + statusPath(submitted.reference(), submitted.accessToken(), "submitted");
    } catch (InvalidRequestException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("form", form);
      return formPage(model, byField(e.problems(), languages.resolveLocale(request)));
    } catch (TooManyRequestsException e) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      response.setHeader(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds());
      model.addAttribute("form", form);
      model.addAttribute("refusal", "busy");
      return formPage(model, Map.of());
    } catch (ConflictException e) {
      // this form was sent before with other content (back button, edit, send): a new id makes it a new complaint
      response.setStatus(e.status());
      model.addAttribute("form", withNewSubmissionId(form));
      model.addAttribute("refusal", "resent");
      return formPage(model, Map.of());
    }
  }

  private static WebComplaint withNewSubmissionId(WebComplaint f) {
    return new WebComplaint(UUID.randomUUID().toString(), f.name(), f.email(), f.phone(), f.customerNumber(),
        f.category(), f.subject(), f.description(), f.orderReference(), f.orderAmount(), f.orderCurrency(),
        f.occurredAt());
  }

  private String formPage(Model model, Map<String, String> errors) {
    model.addAttribute("errors", errors);
    model.addAttribute("categories", List.of(Category.values()));
    return "customer/new";
  }

  private ComplaintSubmission submission(WebComplaint f) {
    String email = blankToNull(f.email());
    // without a customer number the e-mail address identifies the customer (repeat complaints, duplicates)
    String customerId = blankToNull(f.customerNumber()) != null ? f.customerNumber().strip()
        : email == null ? null : email.strip().toLowerCase();
    String amount = blankToNull(f.orderAmount());
    return new ComplaintSubmission(
        new ComplaintSubmission.CustomerInput(customerId, f.name(), email, blankToNull(f.phone()),
            CustomerTier.STANDARD.name()),
        Channel.WEB.name(), f.category(), f.subject(), f.description(), blankToNull(f.orderReference()),
        amount == null ? null : new ComplaintSubmission.MoneyInput(amount.strip(), f.orderCurrency()),
        occurredAt(f.occurredAt()));
  }

  /** The page's date-time field has no offset: it is local time where the business is. */
  private String occurredAt(String local) {
    if (blankToNull(local) == null) {
      return null;
    }
    try {
      return LocalDateTime.parse(local.strip()).atZone(clock.businessZone()).toOffsetDateTime().toString();
    } catch (DateTimeParseException e) {
      return local; // the validator names the field
    }
  }

  @GetMapping("/complaints/{reference}")
  String status(@PathVariable String reference, @RequestParam(required = false) String token,
      @RequestParam(required = false) String notice, Model model, HttpServletResponse response) {
    if (!tokens.verify(reference, token)) {
      return notFound(model, response);
    }
    return statusPage(reference, token, notice, model);
  }

  /** The customer's answer to the handler's question; the page again, with the reason, when it is refused. */
  @PostMapping("/complaints/{reference}/answer")
  String answerQuestion(@PathVariable String reference, @RequestParam(required = false) String token,
      @RequestParam(required = false) String answer, Model model, Locale locale, HttpServletResponse response) {
    if (!tokens.verify(reference, token)) {
      return notFound(model, response);
    }
    Wording refusal = answer == null || answer.isBlank() ? Phrase.REQUIRED.with()
        : answer.strip().length() > MAX_ANSWER ? Phrase.AT_MOST_CHARACTERS.with(MAX_ANSWER) : null;
    if (refusal == null && ConcurrentModifications.retry(() -> answers.answer(reference, answer))) {
      return "redirect:" + statusPath(reference, token, "questionAnswered");
    }
    response.setStatus(refusal != null ? HttpServletResponse.SC_BAD_REQUEST : HttpServletResponse.SC_CONFLICT);
    model.addAttribute("answer", answer);
    model.addAttribute("answerError", phrases.say(refusal != null ? refusal : Phrase.ANSWER_NOT_AWAITED.with(), locale));
    return statusPage(reference, token, null, model);
  }

  private String statusPage(String reference, String token, String notice, Model model) {
    Survey survey = surveys.latest(reference).orElse(null);
    model.addAttribute("complaint", ComplaintView.forCustomer(complaints.get(reference), survey,
        compensations.latest(reference).orElse(null), clock.now(), clock.businessZone()));
    model.addAttribute("history", history.of(reference, clock.businessZone()));
    model.addAttribute("attachments", attachmentNames.namesOf(reference));
    model.addAttribute("token", token);
    model.addAttribute("notice", notice);
    return "customer/status";
  }

  @GetMapping("/complaints/{reference}/survey")
  String survey(@PathVariable String reference, @RequestParam(required = false) String token, Model model,
      HttpServletResponse response) {
    if (!tokens.verify(reference, token)) {
      return notFound(model, response);
    }
    return surveyPage(reference, token, model, null, null, Map.of(), null);
  }

  @PostMapping("/complaints/{reference}/survey")
  String answer(@PathVariable String reference, @RequestParam(required = false) String token,
      @RequestParam(required = false) String score, @RequestParam(required = false) String comment, Model model,
      Locale locale, HttpServletResponse response) {
    if (!tokens.verify(reference, token)) {
      return notFound(model, response); // before anything of the complaint is shown, even a refusal
    }
    try {
      ConcurrentModifications.retry(() -> surveys.answer(reference, new SurveyService.Answer(token, score, comment)));
      return "redirect:" + statusPath(reference, token, "answered");
    } catch (InvalidRequestException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return surveyPage(reference, token, model, score, comment, byField(e.problems(), locale), null);
    } catch (ConflictException e) {
      response.setStatus(e.status());
      return surveyPage(reference, token, model, score, comment, Map.of(), e.messageIn(phrases, locale));
    }
  }

  private String surveyPage(String reference, String token, Model model, String score, String comment,
      Map<String, String> errors, String refusal) {
    Survey survey = surveys.latest(reference).orElse(null);
    model.addAttribute("complaint", ComplaintView.forCustomer(complaints.get(reference), survey,
        compensations.latest(reference).orElse(null), clock.now(), clock.businessZone()));
    model.addAttribute("token", token);
    model.addAttribute("score", score);
    model.addAttribute("comment", comment);
    model.addAttribute("errors", errors);
    model.addAttribute("refusal", refusal);
    return "customer/survey";
  }

  /** The same page for a wrong token and an unknown reference: not even the switch's links name the complaint. */
  private static String notFound(Model model, HttpServletResponse response) {
    model.addAttribute("languages", List.of());
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    return "customer/not-found";
  }

  private static String statusPath(String reference, String token, String notice) {
    return UriComponentsBuilder.fromPath("/complaints/{reference}").queryParam("token", token)
        .queryParam("notice", notice).buildAndExpand(reference).encode().toUriString();
  }

  private Map<String, String> byField(List<FieldProblem> problems, Locale locale) {
    Map<String, String> errors = new LinkedHashMap<>();
    problems.forEach(p -> errors.merge(p.field(), p.in(phrases, locale).message(), (a, b) -> a + "; " + b));
    return errors;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
