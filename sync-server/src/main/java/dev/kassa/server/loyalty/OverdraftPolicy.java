package dev.kassa.server.loyalty;

import dev.kassa.model.ledger.EntryType;

/**
 * What the server does about an overdraft conflict when it detects one ({@code --overdraft-policy}).
 * {@code NET}: the conflict stays OPEN and the card's balance stays negative until later accruals
 * net it or an office user resolves it. {@code WRITE_OFF}: the server writes the overspent points
 * off at once with an ADJUST entry of its own ({@link #madeByPolicy}) and records the conflict as
 * resolved by the policy.
 */
public enum OverdraftPolicy {
  NET,
  WRITE_OFF;

  /** Who resolved a conflict that the policy resolved. */
  public static final String RESOLVER = "policy:" + WRITE_OFF.name();
  /** The store and terminal of the entries the WRITE_OFF policy writes; no real terminal has this id. */
  public static final String STORE = "office";
  public static final String TERMINAL = "policy:overdraft-write-off";

  /**
   * Whether the WRITE_OFF policy wrote this entry (such entries are left out of its own walk). A
   * terminal cannot pass one off as the policy's: terminals may not push ADJUST entries at all.
   */
  public static boolean madeByPolicy(Movement m) {
    return m.type() == EntryType.ADJUST && m.terminalId().equals(TERMINAL) && m.storeId().equals(STORE);
  }
}
