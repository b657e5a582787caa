package dev.kassa.pos.receipt;

import static dev.kassa.pos.receipt.TextColumns.money;
import static dev.kassa.pos.receipt.TextColumns.percent;
import static java.util.Objects.requireNonNull;

import dev.kassa.model.catalog.VatRate;
import dev.kassa.model.money.Money;
import dev.kassa.model.money.Rates;
import dev.kassa.model.sale.Payment;
import dev.kassa.model.sale.PaymentMethod;
import dev.kassa.model.sale.Sale;
import dev.kassa.model.sale.SaleLine;
import dev.kassa.pos.device.escpos.Align;
import dev.kassa.pos.device.escpos.CodePage;
import dev.kassa.pos.device.escpos.EscPosWriter;
import dev.kassa.pos.device.escpos.Paper;
import dev.kassa.pos.device.escpos.PrinterProfile;
import dev.kassa.pos.device.qr.QrCodes;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lays a sale receipt out for a paper width and turns it into ESC/POS for a printer model. The
 * same bytes feed the real printer and the on-screen preview (through the virtual printer), so
 * what the cashier sees is what the customer gets. Texts are Russian: the stores are.
 */
public final class ReceiptLayout {
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
  private static final int QR_MODULE_DOTS = 5;

  private final Paper paper;
  private final PrinterProfile profile;
  private final CodePage codePage;
  private final TextColumns cols;

  public ReceiptLayout(Paper paper, PrinterProfile profile, CodePage codePage) {
    this.paper = requireNonNull(paper, "paper == null");
    this.profile = requireNonNull(profile, "profile == null");
    this.codePage = requireNonNull(codePage, "codePage == null");
    profile.selectionNumber(codePage);
    this.cols = new TextColumns(paper.columns());
  }

  public Paper paper() {
    return paper;
  }

  public byte[] receipt(Receipt receipt) {
    requireNonNull(receipt, "receipt == null");
    Sale sale = receipt.sale();
    EscPosWriter out = start();
    header(out, receipt.store());
    out.line(cols.pair("Чек № " + sale.receiptNo(), TIME.withZone(receipt.store().zone()).format(sale.createdAt())));
    out.line("Кассир: " + receipt.cashierName());
    out.line("Касса: " + sale.terminalId());
    out.line(cols.rule());
    for (SaleLine line : sale.lines()) {
      line(out, line);
    }
    out.line(cols.rule());
    totals(out, sale);
    receipt.loyalty().ifPresent(loyalty -> loyalty(out, loyalty));
    out.line(cols.rule());
    out.align(Align.CENTER).qrCode(QrCodes.receiptPayload(sale.id()), QR_MODULE_DOTS);
    for (String text : receipt.footer()) {
      out.line(text);
    }
    return finish(out);
  }

  /** An X or Z report. */
  public byte[] shiftReport(ShiftReport report) {
    requireNonNull(report, "report == null");
    EscPosWriter out = start();
    header(out, report.store());
    out.align(Align.CENTER).bold(true).size(1, 2);
    out.line(report.kind() == ShiftReport.Kind.X ? "X-ОТЧЁТ" : "Z-ОТЧЁТ № " + report.zNumber());
    out.normalSize().bold(false).align(Align.LEFT);
    if (report.kind() == ShiftReport.Kind.X) {
      out.line("Без закрытия смены");
    }
    DateTimeFormatter time = TIME.withZone(report.store().zone());
    out.line(cols.pair("Касса", report.terminalId()));
    out.line(cols.pair("Кассир", report.cashierName()));
    out.line(cols.pair("Смена открыта", time.format(report.openedAt())));
    out.line(cols.pair(report.kind() == ShiftReport.Kind.X ? "Отчёт" : "Смена закрыта", time.format(report.printedAt())));
    out.line(cols.rule());
    var t = report.totals();
    out.line(cols.pair("Продаж: " + t.salesCount(), money(t.salesTotal())));
    out.line(cols.pair("Возвратов: " + t.returnsCount(), money(t.returnsTotal())));
    out.line(cols.pair("Аннулировано", String.valueOf(t.voidsCount())));
    out.line(cols.rule());
    out.line(cols.pair("Наличными", money(t.cashSales())));
    out.line(cols.pair("Картой", money(t.cardSales())));
    out.line(cols.pair("Баллами", money(t.pointsSales())));
    out.line(cols.pair("Сертификатами", money(t.giftCertificateSales())));
    report.vatByRate().forEach((rate, vat) -> out.line(cols.pair("в т.ч. НДС " + percent(rate), money(vat))));
    out.line(cols.rule());
    out.line(cols.pair("Внесено", money(t.cashIn())));
    out.line(cols.pair("Изъято", money(t.cashOut())));
    out.bold(true).line(cols.pair("В кассе", money(t.cashExpected()))).bold(false);
    return finish(out);
  }

  private EscPosWriter start() {
    return new EscPosWriter(profile).init().codePage(codePage);
  }

  private byte[] finish(EscPosWriter out) {
    return out.align(Align.LEFT).feed(4).cut(0).toBytes();
  }

  private void header(EscPosWriter out, StoreHeader store) {
    out.align(Align.CENTER);
    store.logo().ifPresent(logo -> {
      if (logo.width() > paper.dots()) {
        throw new IllegalArgumentException("logo " + logo.width() + " dots wide does not fit "
            + paper.millimetres() + " mm paper (" + paper.dots() + " dots)");
      }
      out.raster(logo);
    });
    out.bold(true);
    for (String line : cols.wrap(store.name(), 0)) {
      out.line(line);
    }
    out.bold(false);
    for (String text : store.lines()) {
      cols.wrap(text, 0).forEach(out::line);
    }
    out.align(Align.LEFT).line(cols.rule());
  }

  private void line(EscPosWriter out, SaleLine line) {
    cols.wrap(line.lineNo() + ". " + line.name(), 0).forEach(out::line);
    String quantity = line.quantity().isWeight()
        ? Rates.decimal(line.quantity().value(), 3) + " кг"
        : line.quantity().value() + " шт";
    out.line(cols.pair("   " + quantity + " x " + money(line.unitPrice()), money(line.amount())));
    if (line.discount().isPositive()) {
      out.line(cols.pair("   Скидка", "-" + money(line.discount())));
    }
  }

  private void totals(EscPosWriter out, Sale sale) {
    out.bold(true).size(2, 2);
    out.line(new TextColumns(paper.columns() / 2).pair("ИТОГО", money(sale.total())));
    out.normalSize().bold(false);
    if (sale.discount().isPositive()) {
      out.line(cols.pair("Скидка всего", money(sale.discount())));
    }
    vatByRate(sale).forEach((rate, vat) -> out.line(cols.pair("в т.ч. НДС " + percent(rate), money(vat))));
    for (Payment payment : sale.payments()) {
      out.line(cols.pair(method(payment.method()), money(payment.tendered())));
    }
    if (sale.change().isPositive()) {
      out.line(cols.pair("Сдача", money(sale.change())));
    }
  }

  /** VAT per rate over what the customer paid for each line (after discounts). */
  static Map<Integer, Money> vatByRate(Sale sale) {
    Map<Integer, Money> gross = new TreeMap<>();
    for (SaleLine line : sale.lines()) {
      gross.merge(line.vatBasisPoints(), line.net(), Money::plus);
    }
    Map<Integer, Money> vat = new TreeMap<>((a, b) -> Integer.compare(b, a));
    gross.forEach((rate, amount) -> vat.put(rate, VatRate.includedIn(amount, rate)));
    return vat;
  }

  private void loyalty(EscPosWriter out, ReceiptLoyalty loyalty) {
    out.line(cols.rule());
    out.bold(true).line(cols.pair("Карта " + loyalty.maskedCard(), loyalty.tier() == null ? "" : loyalty.tier()))
        .bold(false);
    out.line(cols.pair("Начислено баллов", String.valueOf(loyalty.earned())));
    if (loyalty.redeemed() > 0) {
      out.line(cols.pair("Списано баллов", loyalty.redeemed() + " = " + money(loyalty.redeemedValue())));
    }
    for (String why : loyalty.explanations()) {
      cols.wrap("* " + why, 1).forEach(out::line);
    }
    out.line(cols.pair("Баланс", String.valueOf(loyalty.newBalance())));
    if (loyalty.offline()) {
      out.bold(true);
      cols.wrap("ОФЛАЙН: баллы будут подтверждены после связи с сервером", 0).forEach(out::line);
      out.bold(false);
    }
  }

  private static String method(PaymentMethod method) {
    return switch (method) {
      case CASH -> "Наличные";
      case CARD -> "Банковская карта";
      case POINTS -> "Баллами";
      case GIFT_CERTIFICATE -> "Сертификат";
    };
  }
}
