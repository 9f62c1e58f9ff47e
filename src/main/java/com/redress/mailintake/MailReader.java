package com.redress.mailintake;

import com.redress.mailintake.IncomingMail.Reason;
import com.redress.shared.Hashing;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reads a mail as the intake needs it. Chinese mail often declares GB2312 (or GBK) and uses
 * characters only GB18030 has, which Java's GB2312 decoder turns into question marks; GB18030 is a
 * superset of both, so every mail declaring either is read as GB18030, bodies and encoded-word
 * headers alike. An HTML-only mail is reduced to its text: no markup, script or style survives.
 */
final class MailReader {

  /** The names GB2312 and GBK go by in mail, all read as GB18030. */
  private static final Set<String> GB_CHARSETS = Set.of("gb2312", "gbk", "x-gbk", "cp936", "ms936", "windows-936",
      "euc-cn", "x-euc-cn", "csgb2312", "gb_2312-80");
  private static final Charset GB18030 = Charset.forName("GB18030");
  private static final Pattern GB_ENCODED_WORD = Pattern.compile(
      "=\\?(?:" + GB_CHARSETS.stream().map(Pattern::quote).collect(Collectors.joining("|")) + ")(\\*[^?]*)?\\?",
      Pattern.CASE_INSENSITIVE);
  private static final Set<String> AUTOMATIC_PRECEDENCE = Set.of("bulk", "junk", "list", "auto_reply");
  private static final Set<String> BOUNCE_SENDERS = Set.of("mailer-daemon", "postmaster");
  private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
  /** In-Reply-To and the last of the References: a thread's own mails, not a list long enough to be a probe. */
  private static final int REFERENCES_READ = 20;

  private final long maxSize;

  MailReader(long maxSize) {
    this.maxSize = maxSize;
  }

  IncomingMail read(MimeMessage mail) throws MessagingException, IOException {
    long size = Math.max(mail.getSize(), 0);
    String messageId = blankToNull(mail.getMessageID());
    InternetAddress from = sender(mail);
    String subject = header(mail, "Subject");
    String key = keyOf(mail);
    String sender = from == null ? null : from.getAddress();
    String senderName = from == null ? null : blankToNull(from.getPersonal());
    List<String> answers = messageIds(mail);
    List<String> recipients = addresses(mail, "To", "Cc", "Delivered-To", "X-Original-To");
    if (size > maxSize) {
      // not downloaded: the mail stays in the mailbox for an agent to read there
      return new IncomingMail(key, messageId, sender, senderName, subject, null, size, Reason.TOO_LARGE,
          size + " bytes, more than " + maxSize, answers, recipients, List.of());
    }
    Reason reason = null;
    String detail = null;
    String autoSubmitted = header(mail, "Auto-Submitted");
    String precedence = header(mail, "Precedence");
    if (mail.isMimeType("multipart/report") || sender != null && BOUNCE_SENDERS.contains(
        (sender.indexOf('@') < 0 ? sender : sender.substring(0, sender.indexOf('@'))).toLowerCase(Locale.ROOT))
        || "<>".equals(header(mail, "Return-Path"))) {
      reason = Reason.BOUNCE;
    } else if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
      reason = Reason.AUTO_REPLY;
      detail = "Auto-Submitted: " + autoSubmitted.strip();
    } else if (precedence != null && AUTOMATIC_PRECEDENCE.contains(precedence.strip().toLowerCase(Locale.ROOT))) {
      reason = Reason.AUTO_REPLY;
      detail = "Precedence: " + precedence.strip();
    } else if (header(mail, "X-Autoreply") != null || header(mail, "X-Autorespond") != null) {
      reason = Reason.AUTO_REPLY;
    } else if (sender == null || sender.indexOf('@') < 1) {
      // "undisclosed-recipients:;", a bare name: nobody to answer
      reason = Reason.NO_SENDER;
    }
    String text = text(mail);
    if (reason == null && (text == null || text.isBlank())) {
      reason = Reason.EMPTY;
    }
    List<IncomingMail.Attachment> attachments = new ArrayList<>();
    collectAttachments(mail, attachments);
    return new IncomingMail(key, messageId, sender, senderName, subject, text, size, reason, detail, answers,
        recipients, attachments);
  }

  /**
   * The mail's key: SHA-256 of its Message-ID with its sender (another mail reusing an ID is not
   * taken for this one), or of its headers and size when it has no Message-ID. Read apart from the
   * rest, so that a mail that cannot be read is still known by it.
   */
  static String keyOf(MimeMessage mail) throws MessagingException {
    String messageId = blankToNull(mail.getMessageID());
    return Hashing.sha256Hex(messageId != null ? messageId.strip() + "\n" + raw(mail, "From").strip()
        : String.join("\n", raw(mail, "From"), raw(mail, "To"), raw(mail, "Date"), raw(mail, "Subject"),
            Long.toString(Math.max(mail.getSize(), 0))));
  }

  /** What can be read of a mail that cannot be read whole: its sender and subject where they can be. */
  IncomingMail headersOf(MimeMessage mail, String key) {
    String sender = null;
    String senderName = null;
    String subject = null;
    String messageId = null;
    long size = 0;
    try {
      InternetAddress from = sender(mail);
      sender = from == null ? null : from.getAddress();
      senderName = from == null ? null : blankToNull(from.getPersonal());
      subject = header(mail, "Subject");
      messageId = blankToNull(mail.getMessageID());
      size = Math.max(mail.getSize(), 0);
    } catch (MessagingException | RuntimeException unreadable) {
      // what was read so far is all there is
    }
    return new IncomingMail(key, messageId, sender, senderName, subject, null, size, Reason.UNREADABLE, null,
        List.of(), List.of(), List.of());
  }

  /** In-Reply-To's Message-ID, then the last ones of References, newest first, each once. */
  private static List<String> messageIds(MimeMessage mail) throws MessagingException {
    Set<String> ids = new LinkedHashSet<>(ids(raw(mail, "In-Reply-To")));
    List<String> references = ids(raw(mail, "References"));
    for (int i = references.size() - 1; i >= 0 && ids.size() < REFERENCES_READ; i--) {
      ids.add(references.get(i));
    }
    return List.copyOf(ids);
  }

  private static List<String> ids(String header) {
    List<String> ids = new ArrayList<>();
    Matcher id = MESSAGE_ID.matcher(header);
    while (id.find()) {
      ids.add(id.group());
    }
    return ids;
  }

  /** The addresses these headers name; an unreadable header names none. */
  private static List<String> addresses(MimeMessage mail, String... headers) throws MessagingException {
    List<String> addresses = new ArrayList<>();
    for (String header : headers) {
      String[] values = mail.getHeader(header);
      for (String value : values == null ? new String[0] : values) {
        try {
          for (InternetAddress address : InternetAddress.parseHeader(MimeUtility.unfold(value), false)) {
            if (address.getAddress() != null) {
              addresses.add(address.getAddress());
            }
          }
        } catch (AddressException unreadable) {
          // a header we cannot read leads nowhere
        }
      }
    }
    return addresses;
  }

  private static InternetAddress sender(MimeMessage mail) throws MessagingException {
    String from = raw(mail, "From");
    if (from.isEmpty()) {
      return null;
    }
    try {
      InternetAddress[] addresses = InternetAddress.parseHeader(gbAsGb18030(MimeUtility.unfold(from)), false);
      return addresses.length == 0 || blankToNull(addresses[0].getAddress()) == null ? null : addresses[0];
    } catch (AddressException unreadable) {
      return null;
    }
  }

  /** The header, encoded words decoded; null when absent. */
  private static String header(MimeMessage mail, String name) throws MessagingException {
    String raw = mail.getHeader(name, " ");
    if (raw == null) {
      return null;
    }
    try {
      return MimeUtility.decodeText(gbAsGb18030(MimeUtility.unfold(raw))).strip();
    } catch (UnsupportedEncodingException unknownCharset) {
      return MimeUtility.unfold(raw).strip();
    }
  }

  private static String raw(MimeMessage mail, String name) throws MessagingException {
    String raw = mail.getHeader(name, " ");
    return raw == null ? "" : raw;
  }

  private static String gbAsGb18030(String header) {
    return GB_ENCODED_WORD.matcher(header).replaceAll("=?GB18030$1?");
  }

  /** The first plain text part that is no attachment, else the text of the first HTML one. */
  private static String text(Part part) throws MessagingException, IOException {
    String plain = first(part, "text/plain");
    if (plain != null && !plain.isBlank()) {
      return plain;
    }
    String html = first(part, "text/html");
    return html == null ? null : htmlToText(html);
  }

  private static String first(Part part, String type) throws MessagingException, IOException {
    if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        String found = first(child, type);
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      return new String(part.getInputStream().readAllBytes(), charsetOf(part));
    }
    return null;
  }

  /**
   * The parts that are files: marked as attachments, or inline with a file name and not the text
   * itself; their names decoded as the headers are.
   */
  private static void collectAttachments(Part part, List<IncomingMail.Attachment> found)
      throws MessagingException, IOException {
    if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        collectAttachments(multipart.getBodyPart(i), found);
      }
      return;
    }
    String name = fileName(part);
    boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
        || name != null && !part.isMimeType("text/plain") && !part.isMimeType("text/html");
    if (attached && !(part instanceof MimeMessage)) {
      String type;
      try {
        type = new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
      } catch (ParseException unreadable) {
        type = "application/octet-stream";
      }
      found.add(new IncomingMail.Attachment(name == null ? "attachment" : name, type,
          part.getInputStream().readAllBytes()));
    }
  }

  /** RFC 2231 names as Jakarta Mail reads them; encoded words (Outlook's way) decoded as the headers are. */
  private static String fileName(Part part) throws MessagingException {
    String name = part.getFileName();
    if (name == null || !name.contains("=?")) {
      return blankToNull(name);
    }
    try {
      return MimeUtility.decodeText(gbAsGb18030(name)).strip();
    } catch (UnsupportedEncodingException unknownCharset) {
      return name.strip();
    }
  }

  private static Charset charsetOf(Part part) throws MessagingException {
    String declared;
    try {
      declared = new ContentType(part.getContentType()).getParameter("charset");
    } catch (ParseException unreadable) {
      declared = null;
    }
    if (declared == null) {
      return StandardCharsets.UTF_8;
    }
    String name = declared.strip().toLowerCase(Locale.ROOT);
    if (GB_CHARSETS.contains(name)) {
      return GB18030;
    }
    try {
      return Charset.forName(MimeUtility.javaCharset(name));
    } catch (IllegalArgumentException unknown) {
      return StandardCharsets.UTF_8;
    }
  }

  /** The text of an HTML body: text nodes only (jsoup keeps script and style apart), a line per block. */
  static String htmlToText(String html) {
    StringBuilder text = new StringBuilder();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode words) {
          text.append(words.text());
        } else if (node instanceof Element element && element.nameIs("br")) {
          text.append('\n');
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element element && element.isBlock() && !element.nameIs("br")) {
          text.append('\n');
        }
      }
    }, Jsoup.parse(html).body());
    return text.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
