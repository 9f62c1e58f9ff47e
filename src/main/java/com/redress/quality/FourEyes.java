package com.redress.quality;

import com.redress.complaint.ComplaintService;
import org.springframework.stereotype.Component;

/** Four-eyes rule of the quality review: nobody reviews a complaint they handled. */
@Component
class FourEyes {

  private final ComplaintService complaints;

  FourEyes(ComplaintService complaints) {
    this.complaints = complaints;
  }

  boolean handled(String reference, String user) {
    return user != null && complaints.handlers(reference).contains(user);
  }

  static String refusal(String user, String reference) {
    return user + " handled complaint " + reference
        + " and cannot review its quality (four-eyes principle): another quality reviewer must take it";
  }
}
