package com.redress.mailintake;

import com.redress.audit.AuditTrail;
import com.redress.complaint.Complaint;
import com.redress.complaint.ComplaintAccess;
import com.redress.complaint.ComplaintService;
import com.redress.language.Phrase;
import com.redress.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The files a customer sent by e-mail with their complaint, for the staff who may read the
 * complaint (anyone else is told there is no such complaint). Each download is a read of the
 * customer's data, on their access log. A file is always a download, never shown in the browser:
 * its content is the sender's.
 */
@RestController
@RequestMapping("/api/complaints/{reference}/attachments")
class MailAttachmentController {

  static final String DOWNLOAD = "GET /api/complaints/{reference}/attachments/{id}";

  private final MailAttachments attachments;
  private final ComplaintService complaints;
  private final AuditTrail audit;

  MailAttachmentController(MailAttachments attachments, ComplaintService complaints, AuditTrail audit) {
    this.attachments = attachments;
    this.complaints = complaints;
    this.audit = audit;
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  List<MailAttachments.Listed> list(@PathVariable String reference, Authentication authentication) {
    readable(reference, authentication);
    return attachments.of(reference);
  }

  @GetMapping("/{id}")
  ResponseEntity<byte[]> download(@PathVariable String reference, @PathVariable long id,
      Authentication authentication) {
    Complaint complaint = readable(reference, authentication);
    MailAttachments.File file = attachments.file(reference, id)
        .orElseThrow(() -> new NotFoundException(Phrase.ATTACHMENT_NOT_FOUND.with()));
    audit.recordReads(authentication.getName(), DOWNLOAD, List.of(new AuditTrail.PersonalDataRead(
        complaint.customer().id(), reference, "attachment " + file.fileName())));
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName(),
            StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .body(file.content());
  }

  private Complaint readable(String reference, Authentication authentication) {
    ComplaintAccess reader = ComplaintAccess.of(authentication);
    return complaints.find(reference).filter(c -> complaints.readable(reference, reader))
        .orElseThrow(() -> new NotFoundException(Phrase.COMPLAINT_NOT_FOUND.with()));
  }
}
