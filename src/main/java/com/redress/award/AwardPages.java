package com.redress.award;

import com.redress.language.InstallationTexts;
import com.redress.shared.ConcurrentModifications;
import com.redress.shared.ConflictException;
import com.redress.shared.InvalidRequestException;
import com.redress.shared.NotFoundException;
import com.redress.shared.StaffRefusals;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The published results for all staff (signed in): winners, their awards and how each score was
 * made; while the window is open, a form to object.
 */
@Controller
class AwardPages {

  private final AwardService awards;
  private final AwardPublication publication;
  private final InstallationTexts texts;

  private final StaffRefusals refusals;

  AwardPages(AwardService awards, AwardPublication publication, InstallationTexts texts, StaffRefusals refusals) {
    this.refusals = refusals;
    this.awards = awards;
    this.publication = publication;
    this.texts = texts;
  }

  @GetMapping("/awards/{id}")
  String results(@PathVariable String id, Model model, HttpServletResponse response) {
    return page(id, model, null, null, response);
  }

  @PostMapping("/awards/{id}/objections")
  String object(@PathVariable String id, @RequestParam(required = false) String reason, Authentication user,
      Model model, HttpServletResponse response) {
    try {
      ConcurrentModifications.retry(() -> publication.object(id, user.getName(), reason));
      return "redirect:/awards/" + id + "?objected";
    } catch (InvalidRequestException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return page(id, model, refusals.said(e.problems()).get(0).message(), reason, response);
    } catch (ConflictException e) {
      response.setStatus(e.status());
      return page(id, model, refusals.said(e), reason, response);
    }
  }

  private String page(String id, Model model, String refusal, String reason, HttpServletResponse response) {
    AwardRun run;
    try {
      run = awards.get(id);
    } catch (NotFoundException e) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      model.addAttribute("message", texts.text("staff.awards.noRun", id));
      return "awards/not-published";
    }
    if (run.publishedAt() == null) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      model.addAttribute("message", texts.text("staff.awards.notPublished", run.period()));
      return "awards/not-published";
    }
    Map<String, List<AwardItem>> winners = new LinkedHashMap<>();
    awards.items(id).stream().filter(i -> "APPROVED".equals(i.status()))
        .forEach(i -> winners.computeIfAbsent(i.handler(), h -> new ArrayList<>()).add(i));
    Map<String, HandlerScore> scores = new LinkedHashMap<>();
    awards.scores(id).forEach(s -> scores.put(s.score().handler(), s.score()));
    model.addAttribute("run", run);
    model.addAttribute("winners", winners);
    model.addAttribute("scores", scores);
    model.addAttribute("changes", changes(id));
    model.addAttribute("open", run.status() == AwardRun.Status.PUBLISHED);
    model.addAttribute("refusal", refusal);
    model.addAttribute("reason", reason);
    return "awards/results";
  }

  /** What managers and the committee changed, each with the reason they had to give: published with the results. */
  private List<String> changes(String id) {
    List<String> changes = new ArrayList<>();
    for (Nomination n : awards.nominations(id)) {
      if (n.status() == Nomination.Status.REMOVED) {
        changes.add(texts.text("staff.awards.change.removed." + n.kind().name(), n.handler(), n.removalReason()));
      } else if (n.kind() == Nomination.Kind.INNOVATION) {
        changes.add(texts.text("staff.awards.change.innovation", n.handler(), n.reason()));
      }
    }
    awards.items(id).stream().filter(i -> "CUT".equals(i.status()))
        .forEach(i -> changes.add(texts.text("staff.awards.change.cut", i.handler(), i.title(), i.cutReason())));
    return changes;
  }
}
