-- Public intake limits (PublicRateLimits): hits per bucket (a client address or a customer e-mail,
-- hashed) and fixed time window, shared by every node of the cluster.
CREATE TABLE rate_limit (
  bucket       VARCHAR(80)              NOT NULL,
  window_start TIMESTAMP WITH TIME ZONE NOT NULL,
  window_end   TIMESTAMP WITH TIME ZONE NOT NULL,
  hits         INTEGER                  NOT NULL,
  PRIMARY KEY (bucket, window_start)
);
CREATE INDEX rate_limit_window_end ON rate_limit (window_end);

-- E-mail addresses (SHA-256 of the lower-cased address) whose owner has shown they read our mail
-- (opened a link with a complaint's token) or that staff recorded: only these get the customer's
-- own words back in an e-mail (ConfirmedAddresses).
CREATE TABLE confirmed_address (
  email_hash   CHAR(64)                 NOT NULL PRIMARY KEY,
  confirmed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
