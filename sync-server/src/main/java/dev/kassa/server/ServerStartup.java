package dev.kassa.server;

import dev.kassa.server.admin.store.AdminStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What happens between opening the database and listening: demo data, a hint for a fresh install. */
final class ServerStartup {
  private static final Logger log = LoggerFactory.getLogger(ServerStartup.class);

  private ServerStartup() {}

  static void prepare(Services services) {
    if (services.config().demo()) {
      dev.kassa.server.demo.DemoLoader.loadIfEmpty(services);
    }
  }

  static void warnIfNoUsers(Services services) {
    if (!new AdminStore(services.db()).hasUsers()) {
      log.warn("no users yet: create the first admin with `kassa server create-admin --username NAME`");
    }
  }
}
