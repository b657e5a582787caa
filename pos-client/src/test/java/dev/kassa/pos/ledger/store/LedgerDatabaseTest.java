package dev.kassa.pos.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.kassa.pos.ledger.LedgerStorageException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger's reads run on reader connections, each on one snapshot, and never wait for a write
 * in progress: the cashier's scans go on while the sync thread writes a feed page.
 */
class LedgerDatabaseTest {
  @TempDir Path dir;
  LedgerDatabase db;

  @BeforeEach
  void open() {
    db = LedgerDatabase.open(dir.resolve(LedgerDatabase.FILE_NAME));
  }

  @AfterEach
  void close() {
    db.close();
  }

  private void insertCursor(String stream) throws java.sql.SQLException {
    PreparedStatement st = db.statement("INSERT INTO feed_cursors (stream, cursor, gen, in_snapshot) VALUES (?, 'c', 0, 0)");
    st.setString(1, stream);
    st.executeUpdate();
  }

  private long cursors() {
    return db.read(() -> {
      try (ResultSet rs = db.statement("SELECT count(*) FROM feed_cursors").executeQuery()) {
        return rs.next() ? rs.getLong(1) : -1;
      }
    });
  }

  /** A write another thread holds open until {@link #commit}. */
  private record OpenWrite(CountDownLatch finish, CompletableFuture<Void> writer) {
    void commit() throws Exception {
      finish.countDown();
      writer.get(30, TimeUnit.SECONDS);
    }
  }

  /** One cursor committed ("catalog"), a second ("cards") inserted by a write left open on another thread. */
  private OpenWrite cursorCommittedAndAnotherBeingWritten() throws InterruptedException {
    db.write(() -> {
      insertCursor("catalog");
      return null;
    });
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> db.write(() -> {
      insertCursor("cards");
      writing.countDown();
      try {
        if (!finish.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("never released");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      return null;
    }));
    assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();
    return new OpenWrite(finish, writer);
  }

  @Test
  void aReadDoesNotWaitForAWriteInProgressAndSeesWhatWasCommitted() throws Exception {
    OpenWrite open = cursorCommittedAndAnotherBeingWritten();

    long during = assertTimeoutPreemptively(Duration.ofSeconds(10), this::cursors,
        "a read waited for the write in progress");

    open.commit();
    assertThat(during).as("the write in progress is not seen").isEqualTo(1);
    assertThat(cursors()).isEqualTo(2);
  }

  /** A backup does not take the writer's lock: it copies what is committed while a write goes on. */
  @Test
  void aBackupDoesNotWaitForAWriteInProgressAndCopiesWhatWasCommitted() throws Exception {
    OpenWrite open = cursorCommittedAndAnotherBeingWritten();
    Path copy = dir.resolve("copy.db");

    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> db.backupTo(copy), "the backup waited for the write");

    open.commit();
    try (LedgerDatabase restored = LedgerDatabase.open(copy)) {
      assertThat(restored.integrityCheck()).containsExactly("ok");
      long rows = restored.read(() -> {
        try (ResultSet rs = restored.statement("SELECT group_concat(stream) FROM feed_cursors").executeQuery()) {
          return rs.next() ? (long) rs.getString(1).split(",").length : -1;
        }
      });
      assertThat(rows).as("the committed cursor only").isEqualTo(1);
    }
    assertThatThrownBy(() -> db.backupTo(copy)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aReadInsideAWriteSeesThatWritesRows() {
    long inside = db.write(() -> {
      insertCursor("catalog");
      return cursors();
    });

    assertThat(inside).isEqualTo(1);
  }

  @Test
  void readsCannotWrite() {
    assertThatThrownBy(() -> db.read(() -> {
      insertCursor("catalog");
      return null;
    })).isInstanceOf(LedgerStorageException.class)
        .extracting(e -> ((LedgerStorageException) e).cashierMessage()).asString()
        .contains("could not read", "nothing was changed");
    assertThat(cursors()).isZero();
  }

  /** A failed write tells the cashier nothing was saved; a failed read, that nothing was changed. */
  @Test
  void aFailedWriteSaysNothingWasSaved() {
    assertThatThrownBy(() -> db.write(() -> {
      insertCursor("catalog");
      db.statement("SELECT no_such_column FROM feed_cursors").execute();
      return null;
    })).isInstanceOf(LedgerStorageException.class)
        .extracting(e -> ((LedgerStorageException) e).cashierMessage()).asString()
        .contains("could not save", "nothing was saved");
    assertThat(cursors()).isZero();
  }

  @Test
  void aWriteInsideAWriteIsRefused() {
    assertThatThrownBy(() -> db.write(() -> db.write(() -> null))).isInstanceOf(IllegalStateException.class);
    assertThat(cursors()).isZero();
  }

  /** Closing the ledger lets a read in progress on another thread finish; reads after it are refused. */
  @Test
  void aReadInProgressFinishesWhenTheLedgerCloses() throws Exception {
    db.write(() -> {
      insertCursor("catalog");
      return null;
    });
    CountDownLatch reading = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    CompletableFuture<Long> reader = CompletableFuture.supplyAsync(() -> db.read(() -> {
      reading.countDown();
      try {
        if (!closed.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("never closed");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try (ResultSet rs = db.statement("SELECT count(*) FROM feed_cursors").executeQuery()) {
        return rs.next() ? rs.getLong(1) : -1;
      }
    }));
    assertThat(reading.await(30, TimeUnit.SECONDS)).isTrue();

    db.close();
    closed.countDown();

    assertThat(reader.get(30, TimeUnit.SECONDS)).isEqualTo(1);
    assertThatThrownBy(this::cursors).isInstanceOf(LedgerStorageException.class).hasMessageContaining("closed");
  }

  @Test
  void readsAfterCloseFailClearly() {
    cursors();
    db.close();

    assertThatThrownBy(this::cursors).isInstanceOf(LedgerStorageException.class).hasMessageContaining("closed")
        .extracting(e -> ((LedgerStorageException) e).cashierMessage()).asString().contains("could not read");
  }
}
