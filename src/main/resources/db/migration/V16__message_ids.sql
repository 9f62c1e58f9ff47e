-- Each message keeps one Message-ID across delivery attempts, so a resent copy is recognisable
-- (and replies can be threaded to it).
ALTER TABLE notification_outbox ADD COLUMN message_id VARCHAR(200);
