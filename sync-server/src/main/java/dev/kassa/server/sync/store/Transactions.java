package dev.kassa.server.sync.store;

/**
 * Runs work in a database transaction: {@code write} commits or rolls back (and retries the
 * transient failures of concurrent writers); {@code read} runs on a read connection.
 */
public interface Transactions {
  <T> T write(SqlWork<T> work);

  <T> T read(SqlWork<T> work);
}
