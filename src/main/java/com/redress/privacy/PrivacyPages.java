package com.redress.privacy;

import com.redress.complaint.ComplaintAccess;
import com.redress.shared.ConflictException;
import com.redress.shared.StaffRefusals;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The privacy officers' pages: find a customer by id or e-mail, read and download everything held
 * about them, erase it.
 */
@Controller
class PrivacyPages {

  static final String SEARCH = "GET /privacy?customer=";
  static final String PAGE = "GET /privacy/customers/{customerId}";
  static final String DOWNLOAD = "GET /privacy/customers/{customerId}/export.json";

  private final CustomerRights rights;
  private final Erasure erasure;
  private final StaffRefusals refusals;

  PrivacyPages(CustomerRights rights, Erasure erasure, StaffRefusals refusals) {
    this.rights = rights;
    this.erasure = erasure;
    this.refusals = refusals;
  }

  @GetMapping("/privacy")
  String search(@RequestParam(required = false) String customer, Model model, Authentication authentication) {
    model.addAttribute("customer", customer == null ? "" : customer.strip());
    if (customer != null && !customer.isBlank()) {
      // an e-mail address may belong to several customer ids; an id is looked up when opened
      model.addAttribute("matches", customer.contains("@") ? rights.customersWithEmail(customer, authentication.getName(), SEARCH)
          : List.of(customer.strip()));
    }
    return "privacy/search";
  }

  @GetMapping("/privacy/customers/{customerId}")
  String customer(@PathVariable String customerId, Model model, Authentication authentication) {
    model.addAttribute("export", rights.export(customerId, ComplaintAccess.of(authentication), PAGE));
    return "privacy/customer";
  }

  @GetMapping(path = "/privacy/customers/{customerId}/export.json", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<CustomerRights.Export> download(@PathVariable String customerId, Authentication authentication) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"customer-" + customerId.replaceAll("[^A-Za-z0-9-]", "_")
            + ".json\"")
        .body(rights.export(customerId, ComplaintAccess.of(authentication), DOWNLOAD));
  }

  /** Erases on the customer's request; the page then shows what was done, or why it was refused. */
  @PostMapping("/privacy/customers/{customerId}/erasure")
  String erase(@PathVariable String customerId, Authentication authentication, RedirectAttributes redirect) {
    try {
      redirect.addFlashAttribute("erased", erasure.eraseCustomer(customerId, authentication.getName()));
    } catch (ConflictException refused) {
      redirect.addFlashAttribute("refused", refusals.said(refused));
    }
    return "redirect:/privacy/customers/" + UriUtils.encodePathSegment(customerId, StandardCharsets.UTF_8);
  }
}
