package com.redress.mailintake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.redress.audit.AuditTrail;
import com.redress.complaint.Channel;
import com.redress.complaint.Complaint;
import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.complaint.ComplaintService;
import com.redress.complaint.ComplaintStatus;
import com.redress.complaint.CustomerRecords;
import com.redress.identity.Groups;
import com.redress.language.Language;
import com.redress.mailintake.MailIntake.Outcome;
import com.redress.support.ApplicationTest;
import com.redress.support.Handling;
import com.redress.support.Http;
import com.redress.support.Jobs;
import com.redress.support.RedressNode;
import com.redress.support.StaffSession;
import com.redress.support.TestUsers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.activation.DataHandler;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Complaints by e-mail, against a real IMAP server (GreenMail): a mail becomes one complaint
 * however often and by however many nodes it is read; mail that is no complaint waits for an
 * intake agent; Chinese mail declaring GB2312 reads right; a mailbox out of reach loses nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class MailIntakeTest extends ApplicationTest {

  private static final Session MAIL = Session.getInstance(new Properties());

  @Autowired
  private MailboxPoller poller;
  @Autowired
  private MailIntake intake;
  @Autowired
  private CustomerRecords customers;
  @Autowired
  private MeterRegistry meters;
  @Autowired
  private JdbcTemplate jdbc;

  @Test
  void aNewMailBecomesOneComplaintAcknowledgedToItsSenderAndReadingItAgainChangesNothing() throws Exception {
    String sender = unique("mail-customer");
    int mailsBefore = mailsSoFar();
    deliver(plain(sender, "Wang Fang", "Broken vase after cleaning",
        "Your cleaner broke my vase on Monday.\nOrder ORD-7781."));

    assertThat(poller.poll().count(Outcome.COMPLAINT)).isEqualTo(1);
    Complaint complaint = onlyComplaintOf(sender);
    assertThat(complaint.channel()).isEqualTo(Channel.EMAIL);
    assertThat(complaint.subject()).isEqualTo("Broken vase after cleaning");
    assertThat(complaint.description()).isEqualTo("Your cleaner broke my vase on Monday.\nOrder ORD-7781.");
    assertThat(complaint.customer().name()).isEqualTo("Wang Fang");
    assertThat(complaint.customer().id()).isEqualTo(MailIntake.newCustomerId(sender));
    assertThat(complaint.language()).isEqualTo(Language.EN);

    // the same classification and acknowledgement as any complaint: nothing classifies OTHER, triage does
    Jobs.continueAfterRegistration(engine, complaint.reference());
    assertThat(bean(ComplaintService.class).get(complaint.reference()).status())
        .isEqualTo(ComplaintStatus.TRIAGE);
    Handling.triage(engine, complaint.reference(),
        TestUsers.ensure(engine.getIdentityService(), "mail-dispatcher", Groups.DISPATCHERS));
    Jobs.deliverMessages(engine, complaint.reference());
    assertThat(mailsSince(mailsBefore)).filteredOn(mail -> to(mail).equals(sender)).singleElement()
        .satisfies(mail -> assertThat(mail.getSubject()).contains(complaint.reference()));

    // read again (marked unseen by someone, or a restart before the mark): still one complaint
    markAllUnseen();
    MailboxPoller.Polled again = poller.poll();
    assertThat(again.count(Outcome.ALREADY_TAKEN)).isPositive();
    assertThat(again.count(Outcome.COMPLAINT) + again.count(Outcome.NEEDS_ATTENTION)).isZero();
    assertThat(customers.complaintsOf(complaint.customer().id())).hasSize(1);
  }

  @Test
  void aReplyToTheAcknowledgementJoinsTheConversationTheHandlerAndTheAuditorSee() throws Exception {
    String sender = unique("replying");
    Complaint complaint = emailedAndAcknowledged(sender);
    MimeMessage acknowledgement = acknowledgementTo(sender);
    String token = jdbc.queryForObject("SELECT reply_token FROM complaint WHERE reference = ?", String.class,
        complaint.reference());
    assertThat(acknowledgement.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
    assertThat(((InternetAddress) acknowledgement.getReplyTo()[0]).getAddress())
        .isEqualTo("complaints+" + token + "@redress.test");
    assertThat(token).matches("[a-z2-7]{26}");

    String handler = TestUsers.ensureWithEmail(engine.getIdentityService(), "mail-handler-told", "told@redress.test",
        Groups.TEAM_SERVICE);
    engine.getTaskService().claim(engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(complaint.reference()).taskDefinitionKey(ComplaintHandlingProcess.TASK_HANDLE)
        .singleResult().getId(), handler);
    int mailsBefore = mailsSoFar();
    MimeMessage reply = plain(sender, null, "Re: " + acknowledgement.getSubject(), "Here is my order number: ORD-99.");
    reply.setHeader("In-Reply-To", acknowledgement.getMessageID());
    reply.setHeader("References", acknowledgement.getMessageID());
    reply.saveChanges();
    deliver(reply);

    assertThat(poller.poll().count(Outcome.REPLY)).isEqualTo(1);
    addRepliesToConversation(complaint.reference());
    assertThat(customers.complaintsOf(complaint.customer().id())).as("no new complaint").hasSize(1);
    String handling = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(complaint.reference())
        .taskDefinitionKey(ComplaintHandlingProcess.TASK_HANDLE).singleResult().getId();
    assertThat((String) engine.getTaskService().getVariable(handling, ComplaintHandlingProcess.CONVERSATION.name()))
        .as("what the handling form shows").contains(sender, "Here is my order number: ORD-99.");
    assertThat(Http.json(auditor().get("/api/audit/complaints/" + complaint.reference() + "/timeline"))
        .findValuesAsText("story"))
        .contains("The customer replied by e-mail (answering our mail): Here is my order number: ORD-99.");
    Jobs.deliverMessages(engine, complaint.reference());
    assertThat(mailsSince(mailsBefore)).filteredOn(mail -> to(mail).equals("told@redress.test")).singleElement()
        .satisfies(mail -> assertThat(mail.getSubject()).isEqualTo("The customer replied: " + complaint.reference()));
  }

  @Test
  void aReplyToTheReplyAddressOrNamingTheReferenceFromTheCustomersAddressIsThreadedAStrangersIsNot()
      throws Exception {
    String sender = unique("threads");
    Complaint complaint = emailedAndAcknowledged(sender);
    String token = jdbc.queryForObject("SELECT reply_token FROM complaint WHERE reference = ?", String.class,
        complaint.reference());
    MimeMessage byAddress = plain(sender, null, "more", "A photo follows.");
    byAddress.setRecipients(Message.RecipientType.TO, "complaints+" + token + "@redress.test");
    byAddress.saveChanges();
    deliver(byAddress);
    deliver(plain(sender, null, "About " + complaint.reference(), "They called me, thank you."));
    String stranger = unique("stranger");
    deliver(plain(stranger, null, "About " + complaint.reference(), "I am someone else."));
    MimeMessage guessing = plain(stranger, null, "Re: your mail", "I guessed a Message-ID.");
    guessing.setHeader("In-Reply-To", "<redress.1@redress.example>");
    guessing.saveChanges();
    deliver(guessing);

    MailboxPoller.Polled polled = poller.poll();
    assertThat(polled.count(Outcome.REPLY)).isEqualTo(2);
    assertThat(polled.count(Outcome.COMPLAINT)).as("the stranger's mails are complaints of their own").isEqualTo(2);
    assertThat(customers.complaintsOf(customers.customersWithEmail(stranger).get(0))).hasSize(2);
    assertThat(Http.json(auditor().get("/api/audit/complaints/" + complaint.reference() + "/timeline"))
        .findValuesAsText("story")).contains(
            "The customer replied by e-mail (to the complaint's reply address): A photo follows.",
            "The customer replied by e-mail (from their own address, naming the complaint in the subject): "
                + "They called me, thank you.")
        .noneMatch(line -> line.contains("I am someone else."));
  }

  @Test
  void aReplyToAComplaintThatHasEndedWaitsForAnIntakeAgent() throws Exception {
    String sender = unique("too-late");
    Complaint complaint = emailedAndAcknowledged(sender);
    engine.getRuntimeService().deleteProcessInstance(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(complaint.reference()).singleResult().getId(), "ended for the test");
    deliver(plain(sender, null, "Re: " + complaint.reference(), "One more thing about the cleaner."));

    assertThat(poller.poll().count(Outcome.NEEDS_ATTENTION)).isEqualTo(1);
    StaffSession agent = new StaffSession(port);
    agent.signIn(TestUsers.ensure(engine.getIdentityService(), "mail-agent", Groups.INTAKE_AGENTS), TestUsers.PASSWORD);
    assertThat(agent.get("/intake/mail").body()).contains("One more thing about the cleaner.",
        "A reply its complaint cannot take", complaint.reference());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE chain_key = ? AND details LIKE ?",
        Long.class, AuditTrail.readsChain(complaint.customer().id()), "%GET /intake/mail%"))
        .as("the agent's read is on the customer's access log").isPositive();
  }

  @Test
  void aCustomersMailsAreInTheirExportAndErasureTakesTheirWordsButNotAnotherComplaintsReplies() throws Exception {
    String sender = unique("private");
    Complaint first = emailedAndAcknowledged(sender);
    deliver(plain(sender, null, "Re: " + first.reference(), "My neighbour saw it too."));
    deliver(plain(sender, null, "", ""));
    poller.poll();

    Http officer = http.as(TestUsers.ensure(engine.getIdentityService(), "mail-officer", Groups.PRIVACY_OFFICERS),
        TestUsers.PASSWORD);
    assertThat(Http.json(officer.get("/api/privacy/customers/" + first.customer().id())).get("mails")
        .findValuesAsText("text")).contains("My neighbour saw it too.");

    CustomerMails mails = bean(CustomerMails.class);
    assertThat(mails.erase(List.of("CMP-1999-000001"), List.of(sender))).as("the empty mail, no complaint's")
        .isEqualTo(1);
    assertThat(mails.of(List.of(first.reference()), List.of()).stream().map(CustomerMails.KeptMail::text))
        .as("another complaint's erasure leaves this one's mails").contains("My neighbour saw it too.");
    mails.erase(List.of(first.reference()), List.of(sender));
    assertThat(mails.of(List.of(first.reference()), List.of())).isNotEmpty().allSatisfy(mail -> {
      assertThat(mail.sender()).isNull();
      assertThat(mail.text()).isIn(null, "(erased)");
      assertThat(mail.subject()).isEqualTo("(erased)");
    });
  }

  @Test
  void aLongReplyIsShownShortenedInTheFormAndWholeInTheStory() throws Exception {
    String sender = unique("long");
    Complaint complaint = emailedAndAcknowledged(sender);
    String longText = "Details. ".repeat(700);
    MimeMessage reply = plain(sender, null, "Re: " + complaint.reference(), longText);
    deliver(reply);
    deliver(plain(sender, null, "Re: " + complaint.reference(), "And one more short note."));
    assertThat(poller.poll().count(Outcome.REPLY)).isEqualTo(2);
    addRepliesToConversation(complaint.reference());

    String conversation = (String) engine.getRuntimeService().getVariable(instanceOf(complaint.reference()),
        ComplaintHandlingProcess.CONVERSATION.name());
    assertThat(conversation).hasSizeLessThanOrEqualTo(ComplaintHandlingProcess.TEXT_VARIABLE_ROOM)
        .contains("And one more short note.", "(1 earlier replies");
    assertThat(Http.json(auditor().get("/api/audit/complaints/" + complaint.reference() + "/timeline"))
        .findValuesAsText("story")).anyMatch(line -> line.contains(longText.strip()));
  }

  @Test
  void aMailThatCannotBeReadHoldsUpNoOtherAndWaitsForAnAgentAfterThreePolls() throws Exception {
    String broken = unique("broken");
    String raw = "From: " + broken + "\r\nTo: " + INTAKE_ADDRESS + "\r\nSubject: Broken encoding\r\n"
        + "Message-ID: <" + UUID.randomUUID() + "@mail.example.com>\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + "!!!! this is not base64 ****\r\n";
    deliver(new MimeMessage(MAIL, new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII))));
    String fine = unique("fine");
    deliver(plain(fine, null, "Rude driver", "The driver shouted at me."));

    assertThat(poller.poll().count(Outcome.COMPLAINT)).as("the next mail is taken").isEqualTo(1);
    assertThat(customers.customersWithEmail(fine)).hasSize(1);
    assertThat(poller.poll().taken()).as("tried again").isEmpty();
    assertThat(poller.poll().count(Outcome.NEEDS_ATTENTION)).as("parked at the third poll").isEqualTo(1);
    StaffSession agent = new StaffSession(port);
    agent.signIn(TestUsers.ensure(engine.getIdentityService(), "mail-agent", Groups.INTAKE_AGENTS), TestUsers.PASSWORD);
    assertThat(agent.get("/intake/mail").body()).contains(broken, "Broken encoding", "Could not be read");
  }

  @Test
  void attachedFilesAreKeptOutsideTheEngineForStaffWhoMayReadTheComplaintAndNamedToTheCustomer() throws Exception {
    String sender = unique("files");
    byte[] invoice = "%PDF-1.4 invoice 4711".getBytes(StandardCharsets.US_ASCII);
    deliver(withFiles(sender, "Damaged sofa", "The sofa arrived torn; invoice and photo attached.",
        file(invoice, "application/pdf", "invoice.pdf"),
        file(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2}, "image/jpeg",
            MimeUtility.encodeText("沙发照片.jpg", "UTF-8", "B")),
        file(new byte[] {77, 90}, "application/x-msdownload", "refund.exe")));
    poller.poll();
    Complaint complaint = onlyComplaintOf(sender);
    assertThat(complaint.description()).isEqualTo("The sofa arrived torn; invoice and photo attached.");

    Http supervisor = http.as(TestUsers.ensure(engine.getIdentityService(), "mail-supervisor", Groups.SUPERVISORS),
        TestUsers.PASSWORD);
    String files = "/api/complaints/" + complaint.reference() + "/attachments";
    JsonNode listed = Http.json(supervisor.get(files));
    assertThat(listed.findValuesAsText("fileName")).containsExactly("invoice.pdf", "沙发照片.jpg", "refund.exe");
    assertThat(listed.get(2).get("refused").asText()).as("not a kept type").isEqualTo("TYPE");
    HttpResponse<byte[]> download = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
        .newBuilder(java.net.URI.create("http://localhost:" + port + files + "/" + listed.get(0).get("id").asLong()))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            ("mail-supervisor:" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(download.body()).isEqualTo(invoice);
    assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v)
        .startsWith("attachment;").contains("invoice.pdf"));
    assertThat(supervisor.get(files + "/" + listed.get(2).get("id").asLong()).statusCode()).isEqualTo(404);
    Http otherTeam = http.as(TestUsers.ensure(engine.getIdentityService(), "mail-billing", Groups.TEAM_BILLING),
        TestUsers.PASSWORD);
    assertThat(otherTeam.get(files).statusCode()).as("not their complaint").isEqualTo(404);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_VARIABLE WHERE BYTEARRAY_ID_ IS NOT NULL"
        + " AND PROC_INST_ID_ = ?", Long.class, instanceOf(complaint.reference()))).as("nothing in the engine").isZero();

    Jobs.continueAfterRegistration(engine, complaint.reference());
    Handling.triage(engine, complaint.reference(),
        TestUsers.ensure(engine.getIdentityService(), "mail-dispatcher", Groups.DISPATCHERS));
    Jobs.deliverMessages(engine, complaint.reference());
    String html = (String) acknowledgementTo(sender).getContent();
    String link = html.replaceAll("(?s).*?(/complaints/[^\"<\\s]+).*", "$1").replace("&amp;", "&");
    assertThat(http.get(link, "text/html").body()).contains("invoice.pdf", "沙发照片.jpg");
  }

  @Test
  void whereTheServerOffersImapIdleANewMailIsTakenAtOnceNotAtTheNextPoll() throws Exception {
    SimpleMeterRegistry nodeMeters = new SimpleMeterRegistry();
    MailboxPoller listening = new MailboxPoller(intakeUrl(), Duration.ofHours(1), DataSize.ofMegabytes(10), true,
        intake, nodeMeters);
    listening.start();
    try {
      // its first poll, as its IDLE connection opens, takes what came before; this mail comes after
      RedressNode.awaitValue("the first poll", Duration.ofSeconds(10), Duration.ofMillis(50),
          () -> nodeMeters.counter("redress.mail.intake.polls", "outcome", "success").count() > 0 ? "polled" : null);
      String sender = unique("idle");
      deliver(plain(sender, null, "Window cracked", "The delivery cracked a window."));
      assertThat(RedressNode.awaitValue("the complaint, long before the hourly poll", Duration.ofSeconds(20),
          Duration.ofMillis(200), () -> customers.customersWithEmail(sender).isEmpty() ? null : "taken"))
          .isEqualTo("taken");
    } finally {
      listening.stop();
    }
  }

  @Test
  void aReplyToTheHandlersQuestionIsTheAnswerAndResumesTheHandling() throws Exception {
    String sender = unique("answering");
    Complaint complaint = emailedAndAcknowledged(sender);
    String handler = TestUsers.ensure(engine.getIdentityService(), "mail-asking-handler", Groups.TEAM_SERVICE);
    String handling = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(complaint.reference())
        .taskDefinitionKey(ComplaintHandlingProcess.TASK_HANDLE).singleResult().getId();
    engine.getTaskService().claim(handling, handler);
    engine.getIdentityService().setAuthentication(handler, List.of(Groups.TEAM_SERVICE));
    try {
      engine.getTaskService().complete(handling, Map.of("handlingAction", "ASK_CUSTOMER",
          "customerQuestion", "On which day did the cleaner not come?"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    Jobs.continueAfter(engine, complaint.reference(), ComplaintHandlingProcess.TASK_HANDLE);
    Jobs.deliverMessages(engine, complaint.reference());
    MimeMessage question = acknowledgementTo(sender);
    assertThat(question.getSubject()).isEqualTo("A question about your complaint " + complaint.reference());

    MimeMessage answer = plain(sender, null, "Re: " + question.getSubject(), "It was Tuesday the 1st.");
    answer.setHeader("In-Reply-To", question.getMessageID());
    answer.saveChanges();
    deliver(answer);
    assertThat(poller.poll().count(Outcome.REPLY)).isEqualTo(1);
    Jobs.continueAfter(engine, complaint.reference(), ComplaintHandlingProcess.TASK_RESUME_HANDLING);

    assertThat(bean(ComplaintService.class).get(complaint.reference()).status()).isEqualTo(ComplaintStatus.IN_PROGRESS);
    String resumed = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(complaint.reference())
        .taskDefinitionKey(ComplaintHandlingProcess.TASK_HANDLE).singleResult().getId();
    assertThat((String) engine.getTaskService().getVariable(resumed, ComplaintHandlingProcess.QUESTION_AND_ANSWER.name()))
        .contains("On which day did the cleaner not come?", "It was Tuesday the 1st.");
  }

  @Test
  void theSameMailReadByTwoNodesAtOnceIsOneComplaint() throws Exception {
    String sender = unique("two-nodes");
    deliver(plain(sender, null, "Late delivery", "Three days late."));
    MailboxPoller otherNode = new MailboxPoller(intakeUrl(), Duration.ofHours(1), DataSize.ofMegabytes(10), false,
        intake, new SimpleMeterRegistry());

    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      Future<MailboxPoller.Polled> one = nodes.submit(poller::poll);
      Future<MailboxPoller.Polled> two = nodes.submit(otherNode::poll);
      List<MailboxPoller.Polled> both = List.of(one.get(), two.get());
      assertThat(both.stream().mapToInt(p -> p.count(Outcome.COMPLAINT)).sum()).isLessThanOrEqualTo(1);
    } finally {
      nodes.shutdown();
    }
    assertThat(customers.complaintsOf(MailIntake.newCustomerId(sender))).as("one complaint").hasSize(1);
  }

  @Test
  void autoRepliesBouncesAndEmptyMailWaitForAnIntakeAgentWhoSettlesThem() throws Exception {
    String robot = unique("away");
    MimeMessage autoReply = plain(robot, null, "Out of office", "I am away until Monday.");
    autoReply.setHeader("Auto-Submitted", "auto-replied");
    autoReply.saveChanges();
    String quiet = unique("quiet");
    deliver(autoReply);
    deliver(plain(quiet, null, "", ""));

    MailboxPoller.Polled polled = poller.poll();
    assertThat(polled.count(Outcome.NEEDS_ATTENTION)).isEqualTo(2);
    assertThat(polled.count(Outcome.COMPLAINT)).isZero();
    assertThat(customers.customersWithEmail(robot)).isEmpty();

    StaffSession agent = new StaffSession(port);
    agent.signIn(TestUsers.ensure(engine.getIdentityService(), "mail-agent", Groups.INTAKE_AGENTS), TestUsers.PASSWORD);
    String page = agent.get("/intake/mail").body();
    assertThat(page).contains(robot, "An automatic reply (Auto-Submitted: auto-replied)", "I am away until Monday.")
        .contains(quiet, "No text");
    String key = page.replaceAll("(?s).*id=\"mail-([0-9a-f]{64})\"[^>]*>\\s*<h2>Out of office.*", "$1");
    assertThat(agent.submit("/intake/mail", "/intake/mail/" + key + "/settled").statusCode()).isEqualTo(302);
    assertThat(agent.get("/intake/mail").body()).doesNotContain("I am away until Monday.").contains(quiet);

    // a handler has no business there
    StaffSession handler = new StaffSession(port);
    handler.signIn(TestUsers.ensure(engine.getIdentityService(), "mail-handler", Groups.TEAM_SERVICE), TestUsers.PASSWORD);
    assertThat(handler.get("/intake/mail").statusCode()).isEqualTo(403);
  }

  @Test
  void aMailWithATwelveMegabyteAttachmentIsRefusedAndKept() throws Exception {
    String sender = unique("big");
    byte[] twelveMegabytes = new byte[12 * 1024 * 1024];
    new Random(7).nextBytes(twelveMegabytes);
    deliver(withFiles(sender, "Photos of the damage", "See the photos.",
        file(twelveMegabytes, "image/jpeg", "damage.jpg")));

    assertThat(poller.poll().count(Outcome.NEEDS_ATTENTION)).isEqualTo(1);
    assertThat(customers.customersWithEmail(sender)).isEmpty();
    StaffSession agent = new StaffSession(port);
    agent.signIn(TestUsers.ensure(engine.getIdentityService(), "mail-agent", Groups.INTAKE_AGENTS), TestUsers.PASSWORD);
    assertThat(agent.get("/intake/mail").body()).contains(sender, "Photos of the damage",
        "Too large to read: open it in the mailbox");
    assertThat(subjectsInMailbox()).as("the mail is kept").contains("Photos of the damage");
  }

  @Test
  void aChineseMailDeclaringGb2312WithGb18030CharactersReadsRight() throws Exception {
    String sender = unique("zhu");
    // 镕 and 𠀀 are not in GB2312; Chinese mailers declare GB2312 and send GBK or GB18030 anyway
    String subject = "朱镕基先生的投诉：保洁打碎了花瓶";
    String text = "您好，\n上周一保洁人员打碎了我的花瓶𠀀，请尽快处理。";
    Charset gb18030 = Charset.forName("GB18030");
    String raw = "From: =?gb2312?B?" + Base64.getEncoder().encodeToString("朱镕基".getBytes(gb18030)) + "?= <" + sender + ">\r\n"
        + "To: " + INTAKE_ADDRESS + "\r\n"
        + "Subject: =?GB2312?B?" + Base64.getEncoder().encodeToString(subject.getBytes(gb18030)) + "?=\r\n"
        + "Message-ID: <" + UUID.randomUUID() + "@mail.example.cn>\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=\"gb2312\"\r\n"
        + "Content-Transfer-Encoding: base64\r\n\r\n"
        + Base64.getMimeEncoder().encodeToString(text.getBytes(gb18030)) + "\r\n";
    deliver(new MimeMessage(MAIL, new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII))));

    assertThat(poller.poll().count(Outcome.COMPLAINT)).isEqualTo(1);
    Complaint complaint = onlyComplaintOf(sender);
    assertThat(complaint.subject()).isEqualTo(subject);
    assertThat(complaint.description()).isEqualTo(text);
    assertThat(complaint.customer().name()).isEqualTo("朱镕基");
    assertThat(complaint.language()).as("replies in Chinese").isEqualTo(Language.ZH_CN);
  }

  @Test
  void anHtmlOnlyMailBecomesTextWithoutMarkupOrScript() throws Exception {
    String sender = unique("html");
    MimeMessage html = new MimeMessage(MAIL);
    html.setFrom(new InternetAddress(sender));
    html.setRecipients(Message.RecipientType.TO, INTAKE_ADDRESS);
    html.setSubject("Rude technician");
    html.setContent("<html><head><style>p{color:red}</style><script>alert('x')</script></head><body>"
        + "<p>The technician was <b>rude</b>.</p><p>Please call me.<br>Li</p></body></html>", "text/html; charset=UTF-8");
    html.saveChanges();
    deliver(html);

    poller.poll();
    assertThat(onlyComplaintOf(sender).description()).isEqualTo("The technician was rude.\nPlease call me.\nLi");
  }

  @Test
  void aMailboxOutOfReachLosesNothingAndShowsInTheMetricsNotInTheHealthCheck(CapturedOutput log) throws Exception {
    IMAP.stop();
    try {
      assertThatThrownBy(poller::poll).isInstanceOf(MessagingException.class);
      poller.pollAndCount();
      poller.pollAndCount();
      assertThat(meters.get("redress.mail.intake.failing.polls").gauge().value()).isEqualTo(2);
      assertThat(http.get("/actuator/health").statusCode()).as("still in the load balancer").isEqualTo(200);
      assertThat(log.getAll()).contains("cannot be read; retrying every PT1H").doesNotContain(INTAKE_PASSWORD);
    } finally {
      IMAP.start();
      IMAP.setUser(INTAKE_ADDRESS, INTAKE_ADDRESS, INTAKE_PASSWORD);
    }
    String sender = unique("after-outage");
    deliver(plain(sender, null, "Billing error", "Charged twice."));
    poller.pollAndCount();
    assertThat(meters.get("redress.mail.intake.failing.polls").gauge().value()).isZero();
    assertThat(customers.customersWithEmail(sender)).hasSize(1);
    assertThat(log.getAll()).contains("is reachable again").doesNotContain(INTAKE_PASSWORD);
  }

  /** Runs the event subprocess's step for each reply (a job of its own). */
  private void addRepliesToConversation(String reference) {
    engine.getManagementService().createJobQuery().processInstanceId(instanceOf(reference))
        .activityId(ComplaintHandlingProcess.TASK_ADD_TO_CONVERSATION).list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
  }

  private String instanceOf(String reference) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(ComplaintHandlingProcess.KEY).singleResult().getId();
  }

  /** A complaint by mail, triaged and acknowledged: its handling task waits. */
  private Complaint emailedAndAcknowledged(String sender) throws Exception {
    deliver(plain(sender, null, "Cleaner did not come", "Nobody came on Tuesday."));
    poller.poll();
    Complaint complaint = onlyComplaintOf(sender);
    Jobs.continueAfterRegistration(engine, complaint.reference());
    Handling.triage(engine, complaint.reference(),
        TestUsers.ensure(engine.getIdentityService(), "mail-dispatcher", Groups.DISPATCHERS));
    Jobs.deliverMessages(engine, complaint.reference());
    return complaint;
  }

  private static MimeMessage acknowledgementTo(String customer) {
    return Arrays.stream(SMTP.getReceivedMessages()).filter(mail -> to(mail).equals(customer)).reduce((a, b) -> b)
        .orElseThrow();
  }

  private Http auditor() {
    return http.as(TestUsers.ensure(engine.getIdentityService(), "mail-auditor", Groups.AUDITORS), TestUsers.PASSWORD);
  }

  private Complaint onlyComplaintOf(String email) {
    List<String> ids = customers.customersWithEmail(email);
    assertThat(ids).hasSize(1);
    List<Complaint> theirs = customers.complaintsOf(ids.get(0));
    assertThat(theirs).hasSize(1);
    return theirs.get(0);
  }

  private static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  private static MimeMessage plain(String from, String name, String subject, String text) throws Exception {
    MimeMessage mail = new MimeMessage(MAIL);
    mail.setFrom(name == null ? new InternetAddress(from) : new InternetAddress(from, name, "UTF-8"));
    mail.setRecipients(Message.RecipientType.TO, INTAKE_ADDRESS);
    mail.setSubject(subject, "UTF-8");
    mail.setText(text, "UTF-8");
    mail.saveChanges();
    return mail;
  }

  private static MimeMessage withFiles(String from, String subject, String text, MimeBodyPart... files)
      throws Exception {
    MimeMessage mail = new MimeMessage(MAIL);
    mail.setFrom(new InternetAddress(from));
    mail.setRecipients(Message.RecipientType.TO, INTAKE_ADDRESS);
    mail.setSubject(subject);
    MimeBodyPart body = new MimeBodyPart();
    body.setText(text, "UTF-8");
    MimeMultipart parts = new MimeMultipart(body);
    for (MimeBodyPart file : files) {
      parts.addBodyPart(file);
    }
    mail.setContent(parts);
    mail.saveChanges();
    return mail;
  }

  private static MimeBodyPart file(byte[] content, String type, String name) throws MessagingException {
    MimeBodyPart file = new MimeBodyPart();
    file.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
    file.setFileName(name);
    return file;
  }

  private static void deliver(MimeMessage mail) {
    IMAP.getUserManager().getUser(INTAKE_ADDRESS).deliver(mail);
  }

  private static String intakeUrl() {
    return "imap://" + INTAKE_ADDRESS.replace("@", "%40") + ":" + INTAKE_PASSWORD + "@127.0.0.1:"
        + IMAP.getImap().getPort() + "/INBOX";
  }

  private static String to(MimeMessage mail) {
    try {
      return ((InternetAddress) mail.getAllRecipients()[0]).getAddress();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void markAllUnseen() throws MessagingException {
    withInbox(inbox -> inbox.setFlags(1, inbox.getMessageCount(), new Flags(Flags.Flag.SEEN), false));
  }

  private static List<String> subjectsInMailbox() throws MessagingException {
    List<String> subjects = new ArrayList<>();
    withInbox(inbox -> {
      for (Message message : inbox.getMessages()) {
        subjects.add(message.getSubject());
      }
    });
    return subjects;
  }

  private interface InboxWork {
    void on(Folder inbox) throws MessagingException;
  }

  private static void withInbox(InboxWork work) throws MessagingException {
    Store store = MAIL.getStore("imap");
    store.connect("127.0.0.1", IMAP.getImap().getPort(), INTAKE_ADDRESS, INTAKE_PASSWORD);
    try {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_WRITE);
      try {
        work.on(inbox);
      } finally {
        inbox.close(false);
      }
    } finally {
      store.close();
    }
  }
}
