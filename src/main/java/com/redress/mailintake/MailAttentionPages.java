package com.redress.mailintake;

import com.redress.audit.AuditTrail;
import com.redress.complaint.CustomerRecords;
import com.redress.shared.AppClock;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The intake agents' list of mails that became no complaint: what each says and why it was not
 * taken. An agent records the complaint with Tasklist's start form where there is one, answers
 * the sender, or finds nothing to do, and then settles the mail with a note; the audit trail keeps
 * who settled which mail.
 */
@Controller
class MailAttentionPages {

  static final String PAGE = "GET /intake/mail";
  private static final int SHOWN = 200;

  private final IncomingMails mails;
  private final CustomerRecords customers;
  private final AuditTrail audit;
  private final AppClock clock;

  MailAttentionPages(IncomingMails mails, CustomerRecords customers, AuditTrail audit, AppClock clock) {
    this.mails = mails;
    this.customers = customers;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping("/intake/mail")
  String waiting(Model model, Authentication authentication) {
    List<IncomingMails.Attention> waiting = mails.waiting(SHOWN);
    // a sender who is a known customer finds this read on their access log, as every staff read
    audit.recordReads(authentication.getName(), PAGE, waiting.stream().filter(mail -> mail.sender() != null)
        .flatMap(mail -> customers.customersWithEmail(mail.sender()).stream()
            .map(id -> new AuditTrail.PersonalDataRead(id, mail.complaint(), "mail " + mail.key())))
        .toList());
    model.addAttribute("mails", waiting);
    model.addAttribute("zone", clock.businessZone());
    return "intake/mail";
  }

  @PostMapping("/intake/mail/{key}/settled")
  @Transactional
  public String settle(@PathVariable String key, @RequestParam(defaultValue = "") String note,
      Authentication authentication, RedirectAttributes redirect) {
    boolean settled = mails.settle(key, authentication.getName(), note.isBlank() ? null : note.strip(),
        clock.nowInBusinessZone());
    if (settled) {
      // the note stays with the mail (it may quote the sender, and goes with the mail's erasure)
      audit.recordDomainChange(MailIntake.CHAIN, "mail-settled", Map.of("mail", key));
    }
    redirect.addFlashAttribute(settled ? "settled" : "gone", key);
    return "redirect:/intake/mail";
  }
}
