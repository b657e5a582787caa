-- Single-use coupon codes the office issues and gift certificates it sells (PostgreSQL). Keep in
-- step with ../sqlite/V39__*.sql. Machine-made keys compare byte for byte (COLLATE "C", see V33).
-- Each coupon and certificate is also an entity of the coupons feed ("coupon", "certificate" by
-- code), rewritten whenever a pushed sale, void or return moves it.

CREATE TABLE coupon_batches (
  id              TEXT PRIMARY KEY,
  definition_id   TEXT NOT NULL,
  program_version INTEGER NOT NULL,
  coupon_count    INTEGER NOT NULL,
  issued_at       BIGINT NOT NULL,
  issued_by       TEXT NOT NULL
);

-- Codes are upper case (the till compares them case-insensitively). used_in_sale is the sale that
-- used the code first; a void of that sale gives the code back.
CREATE TABLE issued_coupons (
  code          TEXT COLLATE "C" PRIMARY KEY,
  definition_id TEXT NOT NULL,
  batch_id      TEXT NOT NULL REFERENCES coupon_batches (id),
  card_number   TEXT COLLATE "C",
  issued_at     BIGINT NOT NULL,
  expires_at    BIGINT,
  used_in_sale  TEXT COLLATE "C",
  used_at       BIGINT
);
CREATE INDEX issued_coupons_batch ON issued_coupons (batch_id);
CREATE INDEX issued_coupons_sale ON issued_coupons (used_in_sale);

-- A code another sale had already used: two tills took it offline. The later sale stands (it is a
-- fiscal fact); the row is kept for the office to follow up, never dropped.
CREATE TABLE coupon_reuses (
  code        TEXT COLLATE "C" NOT NULL,
  sale_id     TEXT COLLATE "C" NOT NULL,
  first_sale  TEXT NOT NULL,
  store_id    TEXT NOT NULL,
  terminal_id TEXT NOT NULL,
  recorded_at BIGINT NOT NULL,
  PRIMARY KEY (code, sale_id)
);

-- Stored value. balance_minor is kept in step with certificate_movements in the same transaction;
-- partial_use is the program's policy when the certificate was sold (its terms do not change later).
CREATE TABLE gift_certificates (
  code          TEXT COLLATE "C" PRIMARY KEY,
  currency      TEXT NOT NULL,
  initial_minor BIGINT NOT NULL,
  balance_minor BIGINT NOT NULL,
  partial_use   BOOLEAN NOT NULL,
  sold_at       BIGINT NOT NULL,
  expires_at    BIGINT,
  blocked       BOOLEAN NOT NULL DEFAULT FALSE,
  sold_by       TEXT NOT NULL
);

-- Append-only: each payment by certificate (PAY, amount negative), and what a void (VOID) or a
-- return (REFUND) gave back, by the document and its payment's place in it. sale_id is the sale
-- paid. asked_minor is what the document said; flag says why the certificate did not cover it all
-- (UNKNOWN, BLOCKED, EXPIRED, EMPTY, SHORT): a payment taken offline is recorded, never refused.
CREATE TABLE certificate_movements (
  document_id  TEXT COLLATE "C" NOT NULL,
  payment_no   INTEGER NOT NULL,
  code         TEXT COLLATE "C" NOT NULL,
  sale_id      TEXT COLLATE "C" NOT NULL,
  kind         TEXT NOT NULL,
  amount_minor BIGINT NOT NULL,
  asked_minor  BIGINT NOT NULL,
  flag         TEXT,
  store_id     TEXT NOT NULL,
  terminal_id  TEXT NOT NULL,
  at           BIGINT NOT NULL,
  PRIMARY KEY (document_id, payment_no)
);
CREATE INDEX certificate_movements_sale ON certificate_movements (sale_id);
CREATE INDEX certificate_movements_code ON certificate_movements (code);
