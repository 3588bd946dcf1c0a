-- A merchant proves who they are with a one-time code sent to the contact registered for their merchant id; the
-- code is kept only as a hash, for a few minutes and a few tries. A code that matches opens a merchant session of
-- bounded life, kept only as the hash of its token.
CREATE TABLE merchant_verification (
    verification_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    merchant_id         VARCHAR(32)  NOT NULL REFERENCES merchant (merchant_id),
    -- SHA-256 of the verification id, ':' and the code
    code_hash           CHAR(64)     NOT NULL,
    created_at          TIMESTAMP    NOT NULL,
    expires_at          TIMESTAMP    NOT NULL,
    attempts            INTEGER      NOT NULL DEFAULT 0,
    used_at             TIMESTAMP
);
CREATE INDEX merchant_verification_expiry ON merchant_verification (expires_at);

CREATE TABLE merchant_session (
    session_hash        CHAR(64)     NOT NULL PRIMARY KEY,
    merchant_id         VARCHAR(32)  NOT NULL REFERENCES merchant (merchant_id),
    created_at          TIMESTAMP    NOT NULL,
    expires_at          TIMESTAMP    NOT NULL,
    ended_at            TIMESTAMP
);
CREATE INDEX merchant_session_expiry ON merchant_session (expires_at);
CREATE INDEX ticket_merchant ON ticket (merchant_id, reported_at);
