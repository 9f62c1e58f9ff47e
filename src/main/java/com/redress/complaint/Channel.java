package com.redress.complaint;

/** How the complaint reached us. */
public enum Channel {
  WEB, PHONE, EMAIL, SOCIAL_MEDIA, IN_PERSON
}
