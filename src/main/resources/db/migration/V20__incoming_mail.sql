-- Every mail read from the intake mailbox (docs/adr/0019), once: its key (SHA-256 of its
-- Message-ID, or of its content when it has none) is the primary key, so a mail read twice, after a
-- restart or by two nodes at once, is taken once. What it became: a complaint, or a mail that needs
-- an intake agent's attention (an auto-reply, a bounce, an empty or oversized mail, one that is no
-- valid complaint); only those keep the sender's words here, until an agent settles them.
CREATE TABLE incoming_mail (
  mail_key            VARCHAR(64) PRIMARY KEY,
  message_id          VARCHAR(998),
  received_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  sender              VARCHAR(320),
  sender_name         VARCHAR(200),
  subject             VARCHAR(1000),
  body                VARCHAR(20000),
  size_bytes          BIGINT NOT NULL,
  outcome             VARCHAR(20) NOT NULL,
  reason              VARCHAR(30),
  detail              VARCHAR(2000),
  complaint_reference VARCHAR(32),
  settled_by          VARCHAR(64),
  settled_at          TIMESTAMP WITH TIME ZONE,
  settled_note        VARCHAR(2000)
);

CREATE INDEX incoming_mail_attention ON incoming_mail (outcome, settled_at, received_at);
