package com.redress.analysis;

import com.redress.shared.InvalidRequestException;
import com.redress.shared.StaffRefusals;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The analysts' what-if page: upload a changed decision and a period, watch it run, read the deltas. */
@Controller
class WhatIfPages {

  private final WhatIfService whatIf;

  private final StaffRefusals refusals;

  WhatIfPages(WhatIfService whatIf, StaffRefusals refusals) {
    this.refusals = refusals;
    this.whatIf = whatIf;
  }

  @GetMapping("/analysis/what-if")
  String form(Model model) {
    model.addAttribute("runs", whatIf.recent());
    return "analysis/what-if";
  }

  @PostMapping("/analysis/what-if")
  String start(@RequestParam(required = false) MultipartFile decision, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, Principal user, Model model, HttpServletResponse response) {
    try {
      return "redirect:/analysis/what-if/" + WhatIfController.start(whatIf, decision, from, to, user).id();
    } catch (InvalidRequestException e) {
      // refused like every other form: the page again with the reasons, and a 400 for scripts
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("problems", refusals.said(e.problems()));
      model.addAttribute("from", from);
      model.addAttribute("to", to);
      return form(model);
    }
  }

  /** A run the server no longer knows (restarted, or long forgotten) leads back to the form. */
  @GetMapping("/analysis/what-if/{id}")
  String run(@PathVariable String id, Model model) {
    return whatIf.find(id).map(run -> {
      model.addAttribute("run", WhatIfController.View.of(run));
      return "analysis/what-if-run";
    }).orElse("redirect:/analysis/what-if");
  }
}
