package com.redress.complaint;

import java.util.List;

/** The names of the files a customer sent with a complaint (by e-mail), as their status page lists them. */
public interface AttachmentNames {

  List<String> namesOf(String complaint);
}
