package dev.kassa.server.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.id.HybridClock;
import dev.kassa.model.loyalty.DemoProgram;
import dev.kassa.model.ledger.EntryType;
import dev.kassa.model.sync.ChainHead;
import dev.kassa.model.sync.PushRequest;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.model.sync.SyncEvent;
import dev.kassa.server.loyalty.store.EnginePointsCheck;
import dev.kassa.server.loyalty.store.LoyaltyMerge;
import dev.kassa.server.store.Database;
import dev.kassa.server.sync.Events;
import dev.kassa.server.sync.PushService;
import dev.kassa.server.sync.store.PushStore;
import dev.kassa.server.sync.store.RecordingFeed;
import dev.kassa.server.sync.store.SqlWork;
import dev.kassa.server.sync.store.Transactions;
import dev.kassa.server.testing.Engine;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The push path is the hot one: coupons and certificates must cost nothing to a batch without them. */
class CouponPushCostTest {

  /** Transactions on the real database that remember the text of every statement prepared. */
  private static final class RecordingTransactions implements Transactions {
    final List<String> statements = new CopyOnWriteArrayList<>();
    private final Database db;

    RecordingTransactions(Database db) {
      this.db = db;
    }

    @Override
    public <T> T write(SqlWork<T> work) {
      return db.inTransaction(c -> work.run(recording(c)));
    }

    @Override
    public <T> T read(SqlWork<T> work) {
      return db.read(c -> work.run(recording(c)));
    }

    private Connection recording(Connection c) {
      return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
          (proxy, method, args) -> {
            if (method.getName().startsWith("prepare") && args[0] instanceof String sql) {
              statements.add(sql.toLowerCase(Locale.ROOT));
            }
            try {
              return method.invoke(c, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }

    long touchingCouponsOrCertificates() {
      return statements.stream().filter(sql -> sql.contains("coupon") || sql.contains("certificate")).count();
    }
  }

  private static void push(PushService push, Events till, List<SyncEvent> events) {
    push.push(till.storeId(), till.terminalId(), SyncCodec.canonicalBytes(
        new PushRequest(1, UUID.randomUUID(), till.terminalId(), new ChainHead(0, ""), events)));
  }

  /** The push path with the real points recompute, which reads the issued codes a batch presents. */
  private static PushService pushService(Transactions tx) {
    Clock clock = Clock.systemUTC();
    EnginePointsCheck points = new EnginePointsCheck(v -> Optional.of(DemoProgram.load()));
    return new PushService(new PushStore(tx, new LoyaltyMerge(points, new RecordingFeed()), clock),
        new HybridClock(clock), clock);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aBatchWithoutCouponsCertificatesOrVoidsRunsNoStatementForThem(Engine engine) {
    try (Database db = engine.openDatabase()) {
      RecordingTransactions tx = new RecordingTransactions(db);
      PushService push = pushService(tx);
      Events till = new Events("store-1", "till-1");
      SyncEvent sale = till.sale("7000001", 50);

      push(push, till, List.of(sale, till.entry("7000001", EntryType.EARN, 50, 1, sale.id()), till.sale(null, 0)));
      long plain = tx.touchingCouponsOrCertificates();
      push(push, till, List.of(Tills.sale(till, "7000001", List.of(), "GC-0001", 1_000)));

      assertThat(tx.statements).isNotEmpty();
      assertThat(plain).isZero();
      assertThat(tx.touchingCouponsOrCertificates()).isPositive();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void thePointsRecomputeReadsTheIssuedCodesOfABatchOnce(Engine engine) {
    try (Database db = engine.openDatabase()) {
      RecordingTransactions tx = new RecordingTransactions(db);
      PushService push = pushService(tx);
      Events till = new Events("store-1", "till-1");

      push(push, till, List.of(Tills.sale(till, "7000001", List.of("SALE-0001", "SPRING"), null, 0),
          Tills.sale(till, "7000002", List.of("SALE-0002"), null, 0)));

      // the coupon merge locks the rows it uses with an UPDATE; the recompute only reads
      assertThat(tx.statements).filteredOn(sql -> sql.startsWith("select") && sql.contains("issued_coupons"))
          .hasSize(1);
    }
  }
}
