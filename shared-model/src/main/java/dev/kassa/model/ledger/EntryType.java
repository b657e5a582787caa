package dev.kassa.model.ledger;

/** Kinds of points-ledger entries. The sign of an entry's points follows from its kind. */
public enum EntryType {
  /** Points earned by a purchase; positive; expire after the program's N days. */
  EARN,
  /** Points spent on a purchase; negative. */
  REDEEM,
  /** Points that reached their expiry, oldest first; negative. */
  EXPIRE,
  /** Welcome, birthday, referral or campaign bonus; positive; expire like earned points. */
  BONUS,
  /** A manual correction by the office, either sign, with a reason. */
  ADJUST,
  /** Undoes another entry (by a return or a void); the opposite sign of what it reverses. */
  REVERSE
}
