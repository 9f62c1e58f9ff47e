-- Replies to Redress's mails are threaded into their complaint (docs/adr/0019): by the Message-ID
-- they answer, looked up in the outbox, or by the complaint's reply token, which the reply address
-- of every mail to its customer carries (complaints+<token>@…); unguessable, unlike a reference.
ALTER TABLE complaint ADD COLUMN reply_token VARCHAR(32);
CREATE UNIQUE INDEX complaint_reply_token_idx ON complaint (reply_token);
CREATE INDEX notification_outbox_message_id_idx ON notification_outbox (message_id);
CREATE INDEX incoming_mail_complaint_idx ON incoming_mail (complaint_reference);
