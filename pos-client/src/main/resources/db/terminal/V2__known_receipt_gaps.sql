-- Receipt numbers a restore from backup had to skip (sales made after the backup and lost with a
-- damaged file): recorded with the reason so that verify reports them as explained, not hidden.
CREATE TABLE known_receipt_gaps (
  from_no     INTEGER NOT NULL,
  to_no       INTEGER NOT NULL CHECK (to_no >= from_no),
  reason      TEXT    NOT NULL,
  recorded_at TEXT    NOT NULL,
  PRIMARY KEY (from_no)
);
