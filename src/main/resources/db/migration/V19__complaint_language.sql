-- The language the customer chose at submission (docs/adr/0018): every e-mail to them about this
-- complaint is written in it. Complaints from before spoke English.
ALTER TABLE complaint ADD COLUMN language VARCHAR(8) DEFAULT 'en' NOT NULL;
