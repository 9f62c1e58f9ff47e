package com.redress.complaint;

import com.redress.shared.AppClock;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page the e-mailed status link opens: a complaint's status in plain words, server-rendered,
 * no JavaScript. Same 404 for an unknown reference and a wrong token.
 */
@Controller
class CustomerStatusPage {

  private final ComplaintService complaints;
  private final AccessTokens tokens;
  private final AppClock clock;

  CustomerStatusPage(ComplaintService complaints, AccessTokens tokens, AppClock clock) {
    this.complaints = complaints;
    this.tokens = tokens;
    this.clock = clock;
  }

  @GetMapping("/complaints/{reference}")
  String status(@PathVariable String reference, @RequestParam(required = false) String token, Model model,
      HttpServletResponse response) {
    if (!tokens.verify(reference, token)) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      return "customer/not-found";
    }
    model.addAttribute("complaint", ComplaintView.forCustomer(complaints.get(reference), clock.businessZone()));
    return "customer/status";
  }
}
