-- An Idempotency-Key is bound to the report it was first sent with: the SHA-256 of that report's fields. A retry
-- with another report under the same key is refused (422). Rows of earlier releases have none and replay as before.
ALTER TABLE merchant_request ADD COLUMN body_hash CHAR(64);
