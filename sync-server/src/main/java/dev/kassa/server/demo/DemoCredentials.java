package dev.kassa.server.demo;

import dev.kassa.model.demo.DemoStaff;

/** Prints who can log in to the demo; called by {@code ./kassa demo}. */
public final class DemoCredentials {
  private DemoCredentials() {}

  public static void main(String[] args) {
    System.out.println();
    System.out.println("  Kassa demo log-ins");
    for (DemoStaff.Member member : DemoStaff.members()) {
      System.out.printf("    %-8s %-18s PIN %s%n", member.role().name().toLowerCase(java.util.Locale.ROOT),
          member.name(), member.pin());
    }
    System.out.printf("    %-8s %-18s password %s (admin API, kassa simulate)%n", "admin", DemoStaff.ADMIN_USER,
        DemoStaff.ADMIN_PASSWORD);
    System.out.println();
  }
}
