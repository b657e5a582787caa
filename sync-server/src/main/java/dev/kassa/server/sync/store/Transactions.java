package dev.kassa.server.sync.store;

/**
 * Runs work in a database transaction: {@code write} commits or rolls back and retries on the
 * transient failures of concurrent writers (a PostgreSQL deadlock or serialization failure, a busy
 * SQLite file); {@code read} sees one consistent state. Failures surface as
 * {@link StoreException}.
 */
public interface Transactions {
  <T> T write(SqlWork<T> work);

  <T> T read(SqlWork<T> work);
}
