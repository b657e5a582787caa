package dev.kassa.pos.device.escpos;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What one printer model understands: the {@code ESC t} number of each code page it has, and
 * whether it prints QR codes itself ({@code GS ( k}) or needs them sent as a raster image.
 *
 * <p>The numbers are per model because vendors disagree: Epson puts PC866 at 17 and WPC1251 at 46,
 * many Chinese 58 mm printers follow Epson for 866 but have no QR engine.
 */
public record PrinterProfile(String name, Map<CodePage, Integer> codePages, boolean nativeQr) {

  public PrinterProfile {
    requireNonNull(name, "name == null");
    requireNonNull(codePages, "codePages == null");
    codePages.forEach((page, number) -> {
      if (number < 0 || number > 255) {
        throw new IllegalArgumentException("code page " + page + " number out of 0..255: " + number);
      }
    });
    codePages = Map.copyOf(codePages);
  }

  /** Epson TM-T20/T88 and compatibles: PC866 = 17, WPC1251 = 46, native QR. */
  public static final PrinterProfile EPSON = new PrinterProfile("epson",
      Map.of(CodePage.PC437, 0, CodePage.CP866, 17, CodePage.CP1251, 46), true);

  /** Budget 58 mm printers (Xprinter XP-58 and the like): PC866 = 17, no QR engine. */
  public static final PrinterProfile GENERIC_58 = new PrinterProfile("generic-58",
      Map.of(CodePage.PC437, 0, CodePage.CP866, 17), false);

  /** The built-in profile named {@code name}. */
  public static PrinterProfile named(String name) {
    requireNonNull(name, "name == null");
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "epson" -> EPSON;
      case "generic-58" -> GENERIC_58;
      default -> throw new IllegalArgumentException(
          "unknown printer profile: " + name + " (known: epson, generic-58)");
    };
  }

  /** The {@code ESC t} number of {@code page}; an error when this model does not have it. */
  public int selectionNumber(CodePage page) {
    Integer number = codePages.get(page);
    if (number == null) {
      throw new IllegalArgumentException("printer profile " + name + " has no code page " + page);
    }
    return number;
  }

  /** The code page that {@code ESC t number} selects on this model, if any. */
  public Optional<CodePage> pageFor(int number) {
    return codePages.entrySet().stream().filter(e -> e.getValue() == number)
        .map(Map.Entry::getKey).findFirst();
  }

  /** This profile with one selection number changed, for a model set up differently. */
  public PrinterProfile withCodePage(CodePage page, int number) {
    Map<CodePage, Integer> pages = new EnumMap<>(CodePage.class);
    pages.putAll(codePages);
    pages.put(page, number);
    return new PrinterProfile(name, pages, nativeQr);
  }

  public PrinterProfile withNativeQr(boolean qr) {
    return new PrinterProfile(name, codePages, qr);
  }
}
