package dev.kassa.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.demo.DemoData;
import dev.kassa.model.ledger.EntryType;
import dev.kassa.model.loyalty.DemoProgram;
import dev.kassa.model.member.MemberEnrolled;
import dev.kassa.model.sync.ChainHead;
import dev.kassa.model.sync.PushRequest;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.model.sync.SyncEvent;
import dev.kassa.server.admin.store.AdminStore;
import dev.kassa.server.catalog.store.CatalogStore;
import dev.kassa.server.sync.Events;
import dev.kassa.server.testing.Engine;
import dev.kassa.server.testing.TestHttp;
import dev.kassa.server.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every text field of every write endpoint, each tried with SQL, quotes, a NUL, a very long text
 * and bytes that are not UTF-8. Each answer is a 4xx problem or the literal text stored as sent,
 * never a 500; a refused request changes no table, and every table is still there afterwards.
 */
class HostileTextTest {
  /** Stands for bytes that are not UTF-8: replaced on the wire, in the body or the path. */
  private static final String NOT_UTF8 = "\uE000not-utf8\uE000";
  private static final byte[] NOT_UTF8_BYTES = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE};
  private static final List<String> VALUES = List.of(
      "x'); DROP TABLE stores; --",
      "' OR '1'='1' UNION SELECT password_hash FROM users --",
      "quote ' double \" back ` slash \\ semicolon ; percent % underscore _",
      "nul\u0000byte",
      "no nul, a backslash: \\u0000",
      "x".repeat(5_000),
      NOT_UTF8);
  private static final String[] TABLES = {"stores", "terminals", "users", "sync_events", "sales", "ledger_entries",
      "member_enrolments", "reservations", "products", "product_barcodes", "categories", "vat_rates",
      "program_versions", "cards", "loyalty_conflicts"};
  private static final DemoData DEMO = DemoData.standard();
  private static final Map<Engine, TestServer> SERVERS = new EnumMap<>(Engine.class);
  private static final AtomicInteger SEQ = new AtomicInteger(1000);

  /** One request carrying the value; the token is the admin's unless the route is a terminal's. */
  private record Call(String method, String path, boolean asTerminal, String body) {}

  /** One text field: how a value goes into it and, when the server takes it, how to find it stored. */
  private record Field(String name, BiFunction<TestServer, String, Call> call,
      BiPredicate<TestServer, String> storedVerbatim) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Field> fields() {
    List<Field> fields = new ArrayList<>();
    fields.add(field("store id", (s, v) -> post("/api/v1/admin/stores",
        Map.of("id", v, "name", "n", "timeZone", "UTC", "currency", "RUB"))));
    fields.add(new Field("store name", (s, v) -> post("/api/v1/admin/stores",
        Map.of("id", "s-" + SEQ.incrementAndGet(), "name", v, "timeZone", "UTC", "currency", "RUB")),
        (s, v) -> new AdminStore(s.services().db()).stores().stream().anyMatch(store -> store.name().equals(v))));
    fields.add(field("store time zone", (s, v) -> post("/api/v1/admin/stores",
        Map.of("id", "s-" + SEQ.incrementAndGet(), "name", "n", "timeZone", v, "currency", "RUB"))));
    fields.add(field("store currency", (s, v) -> post("/api/v1/admin/stores",
        Map.of("id", "s-" + SEQ.incrementAndGet(), "name", "n", "timeZone", "UTC", "currency", v))));
    fields.add(field("terminal id", (s, v) -> post("/api/v1/admin/stores/store-1/terminals",
        Map.of("id", v, "name", "n"))));
    fields.add(new Field("terminal name", (s, v) -> post("/api/v1/admin/stores/store-1/terminals",
        Map.of("id", "t-" + SEQ.incrementAndGet(), "name", v)),
        (s, v) -> new AdminStore(s.services().db()).terminals("store-1").stream().anyMatch(t -> t.name().equals(v))));
    fields.add(field("terminal's store (path)", (s, v) -> post("/api/v1/admin/stores/" + path(v) + "/terminals",
        Map.of("id", "t-" + SEQ.incrementAndGet(), "name", "n"))));
    fields.add(new Field("user name", (s, v) -> post("/api/v1/admin/users",
        Map.of("username", v, "password", "long-enough-password", "role", "OFFICE")),
        (s, v) -> new AdminStore(s.services().db()).users().stream().anyMatch(u -> u.username().equals(v))));
    fields.add(field("user password", (s, v) -> post("/api/v1/admin/users",
        Map.of("username", "u-" + SEQ.incrementAndGet(), "password", v + "-long-enough", "role", "OFFICE"))));
    fields.add(field("user's store", (s, v) -> post("/api/v1/admin/users",
        Map.of("username", "u-" + SEQ.incrementAndGet(), "password", "long-enough-password", "role",
            "STORE_MANAGER", "storeId", v))));
    fields.add(field("user to disable (path)", (s, v) -> post("/api/v1/admin/users/" + path(v) + "/disable", null)));
    fields.add(field("terminal to revoke (path)", (s, v) -> post("/api/v1/admin/terminals/" + path(v) + "/revoke",
        null)));
    fields.add(field("terminal for a code (path)", (s, v) ->
        post("/api/v1/admin/terminals/" + path(v) + "/enrollment-code", null)));
    fields.add(field("enrolment code", (s, v) -> post("/api/v1/terminals/enroll", Map.of("code", v))));
    fields.add(field("log-in user name", (s, v) -> post("/api/v1/auth/login",
        Map.of("username", v, "password", "whatever"))));
    fields.add(field("log-in password", (s, v) -> post("/api/v1/auth/login",
        Map.of("username", TestServer.ADMIN_USER, "password", v))));
    fields.add(field("reservation card", (s, v) -> terminal("POST", "/api/v1/loyalty/reservations",
        Map.of("id", UUID.randomUUID().toString(), "cardNumber", v, "points", 1,
            "saleId", UUID.randomUUID().toString()))));
    fields.add(field("reservation id", (s, v) -> terminal("POST", "/api/v1/loyalty/reservations",
        Map.of("id", v, "cardNumber", "7000001", "points", 1, "saleId", UUID.randomUUID().toString()))));
    fields.add(field("reservation to void (path)", (s, v) ->
        terminal("POST", "/api/v1/loyalty/reservations/" + path(v) + "/void", null)));
    fields.add(field("balance card (path)", (s, v) ->
        terminal("GET", "/api/v1/loyalty/cards/" + path(v) + "/balance", null)));
    fields.add(new Field("adjusted card (path)", (s, v) -> post("/api/v1/admin/loyalty/cards/" + path(v)
        + "/adjustments", Map.of("id", UUID.randomUUID().toString(), "points", 5, "reason", "goodwill")),
        (s, v) -> count(s, "SELECT COUNT(*) FROM ledger_entries WHERE card_number = ?", v) > 0));
    fields.add(new Field("adjustment reason", (s, v) -> post("/api/v1/admin/loyalty/cards/7000001/adjustments",
        Map.of("id", UUID.randomUUID().toString(), "points", 5, "reason", v)),
        (s, v) -> s.services().auth().recentAudit(1).get(0).detail().endsWith(v)));
    fields.add(field("conflict to resolve (path)", (s, v) -> post("/api/v1/admin/loyalty/conflicts/" + path(v)
        + "/resolve", Map.of("action", "NET", "reason", "r"))));
    fields.add(field("conflict resolution reason", (s, v) -> post("/api/v1/admin/loyalty/conflicts/"
        + UUID.randomUUID() + "/resolve", Map.of("action", "NET", "reason", v))));
    fields.add(field("conflict resolution action", (s, v) -> post("/api/v1/admin/loyalty/conflicts/"
        + UUID.randomUUID() + "/resolve", Map.of("action", v, "reason", "r"))));
    fields.add(field("pushed batch's terminal", (s, v) -> push(v, List.of())));
    fields.add(new Field("pushed ledger entry's card", (s, v) -> push(TestServer.TERMINAL,
        List.of(till().entry(v, EntryType.EARN, 5, 1, null))),
        (s, v) -> count(s, "SELECT COUNT(*) FROM ledger_entries WHERE card_number = ?", v) > 0));
    fields.add(new Field("pushed member's name", (s, v) -> push(TestServer.TERMINAL, List.of(member("7000009", v,
        "+70000000000"))), (s, v) -> count(s, "SELECT COUNT(*) FROM member_enrolments WHERE name = ?", v) > 0));
    fields.add(new Field("pushed member's phone", (s, v) -> push(TestServer.TERMINAL, List.of(member("7000009",
        "name", v))), (s, v) -> count(s, "SELECT COUNT(*) FROM member_enrolments WHERE phone = ?", v) > 0));
    fields.add(new Field("pushed member's card", (s, v) -> push(TestServer.TERMINAL, List.of(member(v, "name",
        null))), (s, v) -> count(s, "SELECT COUNT(*) FROM member_enrolments WHERE card_number = ?", v) > 0));
    fields.add(field("pushed sale line's sku", (s, v) -> push(TestServer.TERMINAL,
        List.of(till().saleOf(v, "4600000000001", "name")))));
    fields.add(field("pushed sale line's barcode", (s, v) -> push(TestServer.TERMINAL,
        List.of(till().saleOf("SKU1", v, "name")))));
    fields.add(field("pushed sale line's name", (s, v) -> push(TestServer.TERMINAL,
        List.of(till().saleOf("SKU1", "4600000000001", v)))));
    fields.add(field("pulled feed (path)", (s, v) -> terminal("GET", "/api/v1/sync/pull/" + path(v), null)));
    fields.add(field("pull cursor", (s, v) -> terminal("GET", "/api/v1/sync/pull/cards?cursor=" + path(v), null)));
    fields.add(field("VAT rate code", (s, v) -> post("/api/v1/admin/catalog/vat-rates",
        List.of(Map.of("code", v, "label", "l", "periods", List.of(Map.of("from", "2020-01-01", "basisPoints", 0)))))));
    fields.add(field("VAT rate label", (s, v) -> post("/api/v1/admin/catalog/vat-rates",
        List.of(Map.of("code", "V" + SEQ.incrementAndGet(), "label", v,
            "periods", List.of(Map.of("from", "2020-01-01", "basisPoints", 0)))))));
    fields.add(field("category id", (s, v) -> post("/api/v1/admin/catalog/categories",
        List.of(Map.of("id", v, "names", Map.of("ru", "n"))))));
    fields.add(field("category name", (s, v) -> post("/api/v1/admin/catalog/categories",
        List.of(Map.of("id", "c-" + SEQ.incrementAndGet(), "names", Map.of("ru", v))))));
    for (int column = 0; column <= 4; column++) {
      int at = column;
      fields.add(new Field("catalog CSV column " + CSV_HEADER[at], (s, v) -> csv(at, v),
          at == 2 ? (s, v) -> new CatalogStore(s.services().db()).product(csvLine()[0])
              .map(p -> v.equals(p.names().get("ru"))).orElse(false) : null));
    }
    fields.add(field("program name", (s, v) -> post("/api/v1/admin/programs", DemoProgram.json()
        .replace("\"version\": 1,", "\"version\": " + SEQ.incrementAndGet() + ",")
        .replace("\"Kassa Club\"", SyncCodec.toJson(v)))));
    fields.add(field("program tier id", (s, v) -> post("/api/v1/admin/programs", DemoProgram.json()
        .replace("\"version\": 1,", "\"version\": " + SEQ.incrementAndGet() + ",")
        .replace("\"bronze\"", SyncCodec.toJson(v)))));
    return fields;
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Engine engine : Engine.values()) {
      for (Field field : fields()) {
        cases.add(Arguments.of(engine, field));
      }
    }
    return cases.stream();
  }

  @AfterAll
  static void stop() {
    SERVERS.values().forEach(TestServer::close);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("cases")
  void hostileTextIsRefusedWithAProblemOrStoredVerbatim(Engine engine, Field field) {
    TestServer server = server(engine);
    SoftAssertions softly = new SoftAssertions();
    for (String value : VALUES) {
      String shown = field + " = " + (value.length() > 40 ? value.substring(0, 40) + "..." : value);
      Map<String, Long> before = counts(server);
      TestHttp.Response answer = send(server, field.call().apply(server, value));
      boolean refused = answer.status() >= 400 || answer.body().contains("\"REJECTED\"");

      softly.assertThat(answer.status()).as(shown + ": " + answer.body()).isLessThan(500);
      if (answer.status() >= 400) {
        softly.assertThat(answer.contentType()).as(shown).startsWith(ProblemMapper.CONTENT_TYPE);
        softly.assertThat(answer.body()).as(shown).doesNotContain("Exception", "at dev.kassa", "SQL");
      }
      if (refused) {
        softly.assertThat(counts(server)).as(shown + ": refused, so nothing stored").isEqualTo(before);
      } else if (field.storedVerbatim() != null) {
        softly.assertThat(field.storedVerbatim().test(server, value)).as(shown + ": stored as sent").isTrue();
      }
    }
    softly.assertThat(server.http().get("/api/v1/admin/stores", server.adminToken()).status()).isEqualTo(200);
    softly.assertAll();
  }

  private static final String[] CSV_HEADER = {"sku", "barcodes", "name_ru", "name_en", "category"};

  /** A demo catalog line without quoting, split into its columns. */
  private static String[] csvLine() {
    return DEMO.catalogCsv().lines().skip(1).filter(line -> !line.contains("\"")).findFirst().orElseThrow()
        .split(",", -1);
  }

  private static Call csv(int column, String value) {
    String[] line = csvLine();
    line[column] = "\"" + value.replace("\"", "\"\"") + "\"";
    return new Call("POST", "/api/v1/admin/catalog/import?currency=RUB", false,
        DEMO.catalogCsv().lines().findFirst().orElseThrow() + "\n" + String.join(",", line) + "\n");
  }

  private static Events till() {
    return new Events(TestServer.STORE, TestServer.TERMINAL);
  }

  private static SyncEvent member(String card, String name, String phone) {
    MemberEnrolled enrolled = new MemberEnrolled(card, name, phone, null, null, TestServer.STORE,
        TestServer.TERMINAL, Events.T0);
    return new SyncEvent(UUID.randomUUID(), Events.hlc(SEQ.incrementAndGet()), Events.T0, TestServer.STORE,
        TestServer.TERMINAL, null, enrolled);
  }

  private static Call push(String terminalId, List<SyncEvent> events) {
    return terminal("POST", "/api/v1/sync/push", new PushRequest(1, UUID.randomUUID(), terminalId,
        new ChainHead(0, ""), events));
  }

  private static Field field(String name, BiFunction<TestServer, String, Call> call) {
    return new Field(name, call, null);
  }

  private static Call post(String path, Object body) {
    return new Call("POST", path, false, json(body));
  }

  private static Call terminal(String method, String path, Object body) {
    return new Call(method, path, true, json(body));
  }

  private static String json(Object body) {
    return body == null ? null : body instanceof String text ? text
        : new String(SyncCodec.canonicalBytes(body), StandardCharsets.UTF_8);
  }

  private static String path(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static TestHttp.Response send(TestServer server, Call call) {
    String path = call.path().replace(path(NOT_UTF8), "%C3%28%FF%FE");
    byte[] body = call.body() == null ? new byte[0] : notUtf8(call.body().getBytes(StandardCharsets.UTF_8));
    return server.http().send(call.method(), path, call.asTerminal() ? server.terminalToken() : server.adminToken(),
        body);
  }

  /** The body with the placeholder's bytes, wherever they are, replaced by bytes that are not UTF-8. */
  private static byte[] notUtf8(byte[] body) {
    byte[] marker = NOT_UTF8.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
    for (int i = 0; i < body.length; i++) {
      if (i + marker.length <= body.length && java.util.Arrays.equals(body, i, i + marker.length, marker, 0,
          marker.length)) {
        out.writeBytes(NOT_UTF8_BYTES);
        i += marker.length - 1;
      } else {
        out.write(body[i]);
      }
    }
    return out.toByteArray();
  }

  /** Every table's row count, in one query: a dropped table fails it. */
  private static Map<String, Long> counts(TestServer server) {
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < TABLES.length; i++) {
      sql.append(i == 0 ? "" : ", ").append("(SELECT COUNT(*) FROM ").append(TABLES[i]).append(')');
    }
    return server.services().db().read(c -> {
      try (var statement = c.createStatement(); var rs = statement.executeQuery(sql.toString())) {
        rs.next();
        Map<String, Long> counts = new HashMap<>();
        for (int i = 0; i < TABLES.length; i++) {
          counts.put(TABLES[i], rs.getLong(i + 1));
        }
        return counts;
      }
    });
  }

  private static long count(TestServer server, String sql, String value) {
    return server.services().db().read(c -> {
      try (var ps = c.prepareStatement(sql)) {
        ps.setString(1, value);
        try (var rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
  }

  private static synchronized TestServer server(Engine engine) {
    return SERVERS.computeIfAbsent(engine, e -> {
      TestServer server = TestServer.start(e);
      assertThat(server.http().post("/api/v1/admin/catalog/vat-rates", server.adminToken(), DEMO.vatRates())
          .status()).isEqualTo(200);
      assertThat(server.http().post("/api/v1/admin/catalog/categories", server.adminToken(), DEMO.categories())
          .status()).isEqualTo(200);
      return server;
    });
  }
}
