-- Kassa core schema (PostgreSQL). Keep in step with ../sqlite/V1__*.sql.
-- Times are Unix epoch milliseconds (UTC); ids are text (UUIDs or admin-chosen codes).
-- Versions V1..V19 belong to the core (stores, auth, admin); V20..V39 to sync (push, ledger, feeds).

CREATE TABLE stores (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  time_zone   TEXT NOT NULL,
  currency    TEXT NOT NULL,
  created_at  BIGINT NOT NULL
);

-- A terminal holds either a pending enrolment code or, once enrolled, a token: both only as hashes.
CREATE TABLE terminals (
  id                     TEXT PRIMARY KEY,
  store_id               TEXT NOT NULL REFERENCES stores (id),
  name                   TEXT NOT NULL,
  enrollment_code_hash   TEXT UNIQUE,
  enrollment_expires_at  BIGINT,
  token_hash             TEXT UNIQUE,
  enrolled_at            BIGINT,
  revoked_at             BIGINT,
  created_at             BIGINT NOT NULL
);
CREATE INDEX terminals_store ON terminals (store_id);

CREATE TABLE users (
  id             TEXT PRIMARY KEY,
  username       TEXT NOT NULL UNIQUE,
  password_hash  TEXT NOT NULL,
  role           TEXT NOT NULL CHECK (role IN ('ADMIN', 'OFFICE', 'STORE_MANAGER')),
  store_id       TEXT REFERENCES stores (id),
  disabled       BOOLEAN NOT NULL DEFAULT FALSE,
  created_at     BIGINT NOT NULL,
  CHECK ((role = 'STORE_MANAGER') = (store_id IS NOT NULL))
);

CREATE TABLE sessions (
  token_hash  TEXT PRIMARY KEY,
  user_id     TEXT NOT NULL REFERENCES users (id),
  created_at  BIGINT NOT NULL,
  expires_at  BIGINT NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at);

-- Every auth failure, every login and enrolment. Append-only.
CREATE TABLE audit_log (
  id       BIGSERIAL PRIMARY KEY,
  at       BIGINT NOT NULL,
  event    TEXT NOT NULL,
  subject  TEXT,
  remote   TEXT,
  detail   TEXT
);
CREATE INDEX audit_log_event_subject_at ON audit_log (event, subject, at);

-- Written by dev.kassa.server.feed.store.ChangeLog in the same transaction as the change.
CREATE TABLE changes (
  id          BIGSERIAL PRIMARY KEY,
  stream      TEXT NOT NULL,
  store_id    TEXT,
  kind        TEXT NOT NULL,
  entity_key  TEXT NOT NULL,
  data        TEXT,
  created_at  BIGINT NOT NULL
);
CREATE INDEX changes_stream_id ON changes (stream, id);
