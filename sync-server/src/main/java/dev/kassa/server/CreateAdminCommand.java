package dev.kassa.server;

import dev.kassa.model.id.UuidV7;
import dev.kassa.server.admin.UserRequest;
import dev.kassa.server.admin.store.AdminStore;
import dev.kassa.server.auth.PasswordHasher;
import dev.kassa.server.auth.Role;
import dev.kassa.server.store.Database;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code kassa server create-admin}: the first admin of a fresh install. The password is read from
 * the console without echo, or as one line from standard input when there is no console (scripts),
 * never from the command line where {@code ps} would show it.
 */
@Command(name = "create-admin", mixinStandardHelpOptions = true,
    description = "Create an admin user in the server's database (same --db/--data-dir as the server).")
final class CreateAdminCommand implements Callable<Integer> {
  @ParentCommand
  ServerMain parent;

  @Option(names = "--username", required = true, description = "The admin's user name.")
  String username;

  @Override
  public Integer call() throws IOException {
    String password = readPassword();
    UserRequest request;
    try {
      request = new UserRequest(username, password, Role.ADMIN, null);
    } catch (IllegalArgumentException | NullPointerException e) {
      System.err.println("create-admin: " + e.getMessage());
      return 2;
    }
    ServerConfig config = parent.config();
    java.nio.file.Files.createDirectories(config.dataDir());
    try (Database db = Database.open(config.effectiveDatabaseUrl())) {
      AdminStore.Created created = new AdminStore(db).createUser(UuidV7.next().toString(), request.username(),
          new PasswordHasher(config.passwordIterations()).hash(request.password()), Role.ADMIN, null,
          System.currentTimeMillis());
      if (created != AdminStore.Created.CREATED) {
        System.err.println("create-admin: user " + username + " exists");
        return 1;
      }
    }
    System.out.println("admin " + username + " created");
    return 0;
  }

  private static String readPassword() throws IOException {
    Console console = System.console();
    if (console != null) {
      char[] password = console.readPassword("Password for the new admin: ");
      return password == null ? null : new String(password);
    }
    return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
  }
}
