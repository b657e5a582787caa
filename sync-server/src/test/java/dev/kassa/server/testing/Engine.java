package dev.kassa.server.testing;

import dev.kassa.server.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The two database engines every storage test runs on: {@code @EnumSource(Engine.class)}.
 */
public enum Engine {
  SQLITE,
  POSTGRESQL;

  /** A JDBC URL of a new, empty database of this engine; SQLite files go under {@code dir}. */
  public String newDatabaseUrl(Path dir) {
    return this == SQLITE ? Database.defaultUrl(dir) : TestPostgres.newDatabaseUrl();
  }

  /** A new, empty, migrated database; the caller closes it. */
  public Database openDatabase() {
    try {
      return Database.open(newDatabaseUrl(Files.createTempDirectory("kassa-db-test")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
