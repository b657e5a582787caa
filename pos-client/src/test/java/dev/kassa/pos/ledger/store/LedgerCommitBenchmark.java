package dev.kassa.pos.ledger.store;

import static dev.kassa.pos.ledger.Sales.rub;

import dev.kassa.bench.BenchmarkReport;
import dev.kassa.model.sale.Sale;
import dev.kassa.model.sale.SaleLine;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.pos.ledger.CommittedSale;
import dev.kassa.pos.ledger.SaleDraft;
import dev.kassa.pos.ledger.Sales;
import dev.kassa.pos.ledger.TerminalLedger;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Sale commit latency on the terminal: {@link TerminalLedger#completeSale} of a 5-line sale with a
 * loyalty card (one points entry, outbox rows for the sale and the entry, the journal link, the
 * receipt counter, the basket cleared) against raw JDBC doing the same inserts in one transaction
 * on a second file with the same schema and pragmas (WAL, synchronous=FULL). The two alternate in
 * blocks so that a noisy machine weighs on both alike. Run: {@code ./kassa bench ledger-commit}.
 */
public final class LedgerCommitBenchmark {
  private static final int BLOCK = 100;

  private LedgerCommitBenchmark() {}

  public static void main(String[] args) throws Exception {
    int sales = Integer.getInteger("sales", 3_000);
    int warmup = Integer.getInteger("warmup", 500);
    Path dir = Files.createTempDirectory("kassa-ledger-bench");
    try (TerminalLedger ledger = TerminalLedger.open(Sales.config(dir.resolve("ledger")));
        RawInserts raw = new RawInserts(dir.resolve("raw.db"))) {
      ledger.openShift("cashier-1", rub(0));
      for (int i = 0; i < warmup; i++) {
        ledger.completeSale(Sales.withPoints(5, 10, ledger.hybridClock()));
        raw.commit(i + 1);
      }
      long[] api = new long[sales];
      long[] jdbc = new long[sales];
      long[] apiCpu = new long[sales];
      long[] jdbcCpu = new long[sales];
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      for (int done = 0; done < sales; done += BLOCK) {
        for (int i = done; i < Math.min(sales, done + BLOCK); i++) {
          SaleDraft draft = Sales.withPoints(5, 10, ledger.hybridClock());
          long cpu = threads.getCurrentThreadCpuTime();
          long start = System.nanoTime();
          CommittedSale committed = ledger.completeSale(draft);
          api[i] = System.nanoTime() - start;
          apiCpu[i] = threads.getCurrentThreadCpuTime() - cpu;
          if (committed.receiptNo() != warmup + i + 1) {
            throw new IllegalStateException("receipt " + committed.receiptNo());
          }
        }
        for (int i = done; i < Math.min(sales, done + BLOCK); i++) {
          long cpu = threads.getCurrentThreadCpuTime();
          long start = System.nanoTime();
          raw.commit(warmup + i + 1);
          jdbc[i] = System.nanoTime() - start;
          jdbcCpu[i] = threads.getCurrentThreadCpuTime() - cpu;
        }
      }
      report(args, sales, api, jdbc, apiCpu, jdbcCpu);
    } finally {
      deleteTree(dir);
    }
  }

  private static void report(String[] args, int sales, long[] api, long[] jdbc, long[] apiCpu, long[] jdbcCpu)
      throws IOException {
    Arrays.sort(api);
    Arrays.sort(jdbc);
    Arrays.sort(apiCpu);
    Arrays.sort(jdbcCpu);
    String body = String.format(Locale.ROOT, """
        %d sales of 5 lines with a loyalty card (1 points entry, 2 outbox rows, journal link, receipt number),
        each one transaction, WAL + synchronous=FULL, after %s warm-up sales; raw JDBC does the same inserts
        on a second file with the same schema and pragmas, alternating in blocks of %d.

        | commit | p50 | p99 | max |
        | --- | --- | --- | --- |
        | `TerminalLedger.completeSale` | %s | %s | %s |
        | raw JDBC, same inserts | %s | %s | %s |
        | ratio ledger / raw | %.2fx | %.2fx | |
        | CPU time of the committing thread, ledger | %s | %s | |
        | CPU time of the committing thread, raw | %s | %s | |

        Wall time is mostly the WAL fsync of each commit (synchronous=FULL), so it follows the disk and the
        machine's load; the CPU rows show what the ledger itself adds (canonical JSON, SHA-256 link, outbox
        JSON) on top of the same inserts. Target: p99 under 5 ms and within 1.5x of raw.""",
        sales, Integer.getInteger("warmup", 500), BLOCK, ms(pct(api, 50)), ms(pct(api, 99)), ms(api[api.length - 1]),
        ms(pct(jdbc, 50)), ms(pct(jdbc, 99)), ms(jdbc[jdbc.length - 1]),
        (double) pct(api, 50) / pct(jdbc, 50), (double) pct(api, 99) / pct(jdbc, 99),
        ms(pct(apiCpu, 50)), ms(pct(apiCpu, 99)), ms(pct(jdbcCpu, 50)), ms(pct(jdbcCpu, 99)));
    System.out.println(body);
    System.out.println(BenchmarkReport.machine());
    Path report = BenchmarkReport.reportPath(args);
    if (report != null) {
      BenchmarkReport.write(report, "ledger-commit", "Sale commit on the terminal (pos-client ledger)", body);
    }
  }

  private static long pct(long[] sorted, int percentile) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
  }

  private static String ms(long nanos) {
    return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(file);
      }
    }
  }

  /** The same rows as a sale commit, written with plain prepared statements and precomputed JSON. */
  private static final class RawInserts implements AutoCloseable {
    private final Connection c;
    private final PreparedStatement counter;
    private final PreparedStatement sale;
    private final PreparedStatement line;
    private final PreparedStatement payment;
    private final PreparedStatement loyalty;
    private final PreparedStatement entry;
    private final PreparedStatement journal;
    private final PreparedStatement outbox;
    private final PreparedStatement basket;
    private final PreparedStatement hlc;
    private final Statement control;
    private final String saleJson;
    private final String entryJson;
    private final String shiftId = UUID.randomUUID().toString();

    RawInserts(Path file) throws SQLException {
      Migrations.migrateTo(file, null);
      c = SqliteFiles.connect(file);
      control = c.createStatement();
      control.execute("INSERT INTO terminal (id, store_id, terminal_id, currency) VALUES (1, 'store-1', 'till-2', 'RUB')");
      control.execute("INSERT INTO shifts (id, opened_by, opened_at, opening_float) VALUES ('" + shiftId
          + "', 'cashier-1', '2026-01-01T00:00:00Z', 0)");
      counter = c.prepareStatement("UPDATE terminal SET last_receipt_no = ? WHERE id = 1 AND last_receipt_no = ?");
      sale = c.prepareStatement("INSERT INTO sales VALUES (?,?,?,?,?,?,?,?,?,?,?,NULL)");
      line = c.prepareStatement("INSERT INTO sale_lines VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
      payment = c.prepareStatement("INSERT INTO sale_payments VALUES (?,?,?,?,?,?)");
      loyalty = c.prepareStatement("INSERT INTO sale_loyalty VALUES (?,?,?,?,?,?,?,?,?,?)");
      entry = c.prepareStatement("INSERT INTO loyalty_entries (id, card_number, type, points, at, hlc, store_id,"
          + " terminal_id, sale_id) VALUES (?,?,?,?,?,?,?,?,?)");
      journal = c.prepareStatement("INSERT INTO journal VALUES (?,?,?,?,?)");
      outbox = c.prepareStatement("INSERT INTO outbox (event_id, kind, json, size, sale_at, entry_id) VALUES (?,?,?,?,?,?)");
      basket = c.prepareStatement("DELETE FROM basket_lines");
      hlc = c.prepareStatement("UPDATE terminal SET last_hlc = max(last_hlc, ?) WHERE id = 1");
      SaleDraft sample = Sales.withPoints(5, 10, new dev.kassa.model.id.HybridClock(java.time.Clock.systemUTC()));
      Sale s = new Sale(sample.saleId(), "store-1", "till-2", UUID.fromString(shiftId), 1, "cashier-1",
          java.time.Instant.now(), sample.lines(), Sales.total(sample.lines()), sample.payments(), sample.loyalty());
      saleJson = SyncCodec.toJson(s);
      entryJson = SyncCodec.toJson(sample.entries().get(0));
    }

    void commit(long receiptNo) throws SQLException {
      String id = UUID.randomUUID().toString();
      control.execute("BEGIN IMMEDIATE");
      counter.setLong(1, receiptNo);
      counter.setLong(2, receiptNo - 1);
      counter.executeUpdate();
      Object[] header = {id, receiptNo, shiftId, "store-1", "till-2", "cashier-1", "2026-01-01T10:00:00Z", "RUB",
          100_000L, 5, 1};
      bind(sale, header);
      for (SaleLine l : Sales.lines(5)) {
        bind(line, id, l.lineNo(), l.sku(), l.barcode(), l.name(), l.categoryId(), l.quantity().value(), "PIECE",
            l.unitPrice().minor(), l.amount().minor(), 0L, "VAT22", 2200, 0L, "");
      }
      bind(payment, id, 1, "CARD", 100_000L, 100_000L, "rrn-1");
      bind(loyalty, id, Sales.CARD, 1, "SILVER", 10L, 0L, 0L, null, 1, "[]");
      String entryId = UUID.randomUUID().toString();
      bind(entry, entryId, Sales.CARD, "EARN", 10L, "2026-01-01T10:00:00Z", receiptNo, "store-1", "till-2", id);
      bind(journal, receiptNo, "sale", id, "0".repeat(64), "f".repeat(64));
      bind(outbox, UUID.randomUUID().toString(), "Sale", saleJson, saleJson.length(), "2026-01-01T10:00:00Z", null);
      bind(outbox, UUID.randomUUID().toString(), "LedgerEntry", entryJson, entryJson.length(), null, entryId);
      basket.executeUpdate();
      bind(hlc, receiptNo);
      control.execute("COMMIT");
    }

    private static void bind(PreparedStatement st, Object... values) throws SQLException {
      for (int i = 0; i < values.length; i++) {
        st.setObject(i + 1, values[i]);
      }
      st.executeUpdate();
    }

    @Override
    public void close() throws SQLException {
      c.close();
    }
  }
}
