package dev.kassa.server.demo;

import dev.kassa.model.demo.DemoStaff;
import dev.kassa.model.id.UuidV7;
import dev.kassa.server.Services;
import dev.kassa.server.admin.store.AdminStore;
import dev.kassa.server.auth.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --demo}: fills an empty database with the demo store. Does nothing on a database that
 * already has users, so restarting the demo keeps what was sold.
 */
public final class DemoLoader {
  private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

  private DemoLoader() {}

  public static void loadIfEmpty(Services services) {
    AdminStore admin = new AdminStore(services.db());
    if (admin.hasUsers()) {
      log.info("demo data already loaded");
      return;
    }
    admin.createUser(UuidV7.next().toString(), DemoStaff.ADMIN_USER,
        services.passwords().hash(DemoStaff.ADMIN_PASSWORD), Role.ADMIN, null, services.clock().millis());
    log.info("demo admin created");
  }
}
