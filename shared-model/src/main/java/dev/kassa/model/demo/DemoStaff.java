package dev.kassa.model.demo;

import java.util.List;

/**
 * The demo store's people. Their PINs are public demo data, printed by {@code ./kassa demo};
 * real staff PINs are set by an admin and only ever stored as slow hashes.
 */
public final class DemoStaff {
  private DemoStaff() {}

  public enum Role { CASHIER, MANAGER }

  public record Member(String id, String name, Role role, String pin) {}

  public static final String ADMIN_USER = "admin";
  /** The demo server's admin password; a real server asks for one on first start. */
  public static final String ADMIN_PASSWORD = "kassa-demo-admin";

  public static List<Member> members() {
    return List.of(
        new Member("cashier-1", "Анна Смирнова", Role.CASHIER, "1111"),
        new Member("cashier-2", "Иван Петров", Role.CASHIER, "2222"),
        new Member("manager-1", "Ольга Кузнецова", Role.MANAGER, "9999"));
  }
}
