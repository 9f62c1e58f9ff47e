package com.redress.mailintake;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.URLName;
import java.time.Duration;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one connection to the intake mailbox in IMAP IDLE, where the server offers it, and wakes
 * the poller as soon as the server tells of new mail: mail is then taken in seconds instead of up
 * to a poll interval later. Only an accelerator: the poller's schedule goes on whatever happens
 * here, so a lost connection is opened again after a pause and is not an outage.
 */
final class IdleListener implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(IdleListener.class);

  private final Session session;
  private final URLName mailbox;
  private final Duration pause;
  private final Runnable wake;
  private volatile boolean stopping;
  private volatile Folder listening;

  IdleListener(Session session, URLName mailbox, Duration pause, Runnable wake) {
    this.session = session;
    this.mailbox = mailbox;
    this.pause = pause;
    this.wake = wake;
  }

  @Override
  public void run() {
    while (!stopping) {
      try {
        if (!listenOnce()) {
          LOG.info("The intake mailbox offers no IMAP IDLE: mail is taken at each poll");
          return;
        }
      } catch (MessagingException | RuntimeException e) {
        if (!stopping) {
          LOG.debug("Intake mailbox IDLE connection lost; opening it again in {}", pause, e);
          sleep();
        }
      }
    }
  }

  /** One connection, in IDLE until it ends; false when the server offers no IDLE. */
  private boolean listenOnce() throws MessagingException {
    Store store = session.getStore(mailbox);
    store.connect();
    try {
      if (!(store instanceof IMAPStore imap) || !imap.hasCapability("IDLE")) {
        return false;
      }
      Folder folder = store.getFolder(MailboxPoller.folderOf(mailbox));
      folder.open(Folder.READ_ONLY);
      listening = folder;
      try {
        // what came while no connection listened
        wake.run();
        while (!stopping && folder.isOpen()) {
          // returns at the server's first word: new mail, usually
          ((IMAPFolder) folder).idle(true);
          if (!stopping) {
            wake.run();
          }
        }
      } finally {
        listening = null;
        if (folder.isOpen()) {
          folder.close(false);
        }
      }
    } finally {
      store.close();
    }
    return true;
  }

  private void sleep() {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopping = true;
    }
  }

  /** Ends the IDLE: closing the folder from here sends the server DONE. */
  void stop() {
    stopping = true;
    Folder folder = listening;
    if (folder != null) {
      try {
        folder.close(false);
      } catch (MessagingException | IllegalStateException alreadyClosed) {
        // the loop ends either way
      }
    }
  }
}
