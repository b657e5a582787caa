package dev.kassa.server.demo;

import dev.kassa.model.code.LoyaltyCardFormat;
import dev.kassa.model.demo.DemoCard;
import dev.kassa.model.demo.DemoData;
import dev.kassa.model.demo.DemoStaff;
import dev.kassa.model.demo.DemoStore;
import dev.kassa.model.demo.DemoTerminals;
import dev.kassa.model.id.HybridClock;
import dev.kassa.model.id.UuidV7;
import dev.kassa.model.loyalty.DemoProgram;
import dev.kassa.server.Services;
import dev.kassa.server.admin.StoreInfo;
import dev.kassa.server.admin.store.AdminStore;
import dev.kassa.server.auth.Role;
import dev.kassa.server.auth.Tokens;
import dev.kassa.server.card.store.CardStore;
import dev.kassa.server.catalog.CatalogCsvParser;
import dev.kassa.server.catalog.store.CatalogStore;
import dev.kassa.server.feed.store.ChangeLog;
import dev.kassa.server.loyalty.store.LinePointsCheck;
import dev.kassa.server.loyalty.store.LoyaltyMerge;
import dev.kassa.server.loyalty.store.LoyaltyStore;
import dev.kassa.server.program.store.ProgramStore;
import dev.kassa.server.sync.store.DatabaseTransactions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --demo}: fills the database with the demo world of {@link DemoData#standard()}: the
 * Moscow store, its two tills waiting for the public enrolment codes DEMO-T1 and DEMO-T2, the
 * admin (admin / kassa-demo-admin), VAT rates, categories, the 538-product catalog (through the
 * same CSV import an office user would use), the demo loyalty program and the 50 member cards.
 *
 * <p>Every step is idempotent and the admin user is created last, so a load interrupted half-way
 * is completed on the next start; once the admin exists, a restart changes nothing and keeps what
 * was sold. Opening card balances go in as ledger entries through the sync side's
 * {@link LoyaltyStore#adjust}.
 */
public final class DemoLoader {
  /** Demo codes are public; they stay valid long enough for any demo. */
  static final Duration DEMO_CODE_TTL = Duration.ofDays(3650);
  static final String DEMO_BATCH = "demo-members";
  private static final LoyaltyCardFormat FORMAT = LoyaltyCardFormat.standard();
  private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

  private DemoLoader() {}

  public static void loadIfEmpty(Services services) {
    AdminStore admin = new AdminStore(services.db());
    if (admin.hasUsers()) {
      log.info("demo: the database already has users, nothing loaded");
      return;
    }
    DemoData demo = DemoData.standard();
    long now = services.clock().millis();
    DemoStore store = demo.store();
    admin.createStore(new StoreInfo(store.id(), store.name(), store.zone().getId(), store.currency().getCurrencyCode()),
        now);
    for (DemoTerminals.Terminal terminal : demo.terminals().terminals()) {
      admin.createTerminal(store.id(), terminal.id(), terminal.name(),
          Tokens.hash(Tokens.normalizeCode(terminal.enrollmentCode())), now + DEMO_CODE_TTL.toMillis(), now);
    }
    CatalogStore catalog = new CatalogStore(services.db());
    catalog.upsertVatRates(demo.vatRates(), now);
    catalog.upsertCategories(demo.categories(), now);
    catalog.importProducts(CatalogCsvParser.parse(demo.catalogCsv(), store.currency()), now);
    ProgramStore programs = new ProgramStore(services.db());
    if (programs.versions().isEmpty()) {
      programs.publish(DemoProgram.load().version(), DemoProgram.json(), DemoStaff.ADMIN_USER, now);
    }
    CardStore cards = new CardStore(services.db());
    if (cards.cardCount() == 0) {
      cards.insertCards(DEMO_BATCH, memberCards(demo), DemoStaff.ADMIN_USER, now);
    }
    openingBalances(services, demo);
    admin.createUser(UuidV7.next().toString(), DemoStaff.ADMIN_USER,
        services.passwords().hash(DemoStaff.ADMIN_PASSWORD), Role.ADMIN, null, now);
    log.info("demo: loaded store {}, {} terminals, {} products, {} cards, program version {}", store.name(),
        demo.terminals().terminals().size(), demo.products().size(), demo.cards().size(), DemoProgram.load().version());
  }

  /**
   * Each member's opening points as one office ADJUST entry in the sync side's ledger (balances are
   * only ever derived from entries). The entry id is derived from the card number, so a repeated
   * load adds nothing.
   */
  private static void openingBalances(Services services, DemoData demo) {
    LoyaltyStore loyalty = new LoyaltyStore(new DatabaseTransactions(services.db()),
        new LoyaltyMerge(new LinePointsCheck(), ChangeLog::appendAll), ChangeLog::appendAll);
    HybridClock hlc = new HybridClock(services.clock());
    LoyaltyStore.OfficeAction action = new LoyaltyStore.OfficeAction(DemoStaff.ADMIN_USER, "demo opening balance");
    for (DemoCard card : demo.cards()) {
      if (card.openingPoints() > 0) {
        UUID entryId = UUID.nameUUIDFromBytes(("kassa-demo-opening:" + card.number()).getBytes(StandardCharsets.UTF_8));
        loyalty.adjust(entryId, card.number(), card.openingPoints(), action, hlc.now(), services.clock().instant());
      }
    }
  }

  /** The demo members' cards; their serials follow from the numbers' position in the card format. */
  private static List<CardStore.NewCard> memberCards(DemoData demo) {
    List<CardStore.NewCard> cards = new ArrayList<>();
    for (DemoCard card : demo.cards()) {
      long serial = Long.parseLong(card.number().substring(FORMAT.prefix().length(), card.number().length() - 1));
      cards.add(new CardStore.NewCard(serial, card.number(), card.holderName(), card.phone(), card.birthday()));
    }
    return cards;
  }
}
