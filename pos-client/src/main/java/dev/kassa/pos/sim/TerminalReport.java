package dev.kassa.pos.sim;

/**
 * What one simulated terminal did: sales and returns committed, redemptions online and offline,
 * and the sales its outbox still holds for the server (0 once it synced everything).
 */
public record TerminalReport(String terminalId, long salesMade, long returnsMade, long onlineRedemptions,
    long offlineRedemptions, long salesUnsynced) {

  public String line() {
    return String.format("%-28s sales %6d  returns %4d  redeemed online %4d offline %4d  unsynced sales %6d",
        terminalId, salesMade, returnsMade, onlineRedemptions, offlineRedemptions, salesUnsynced);
  }
}
