package dev.kassa.pos.device;

import static java.util.Objects.requireNonNull;

import dev.kassa.pos.device.DeviceSettings.ScannerKind;
import dev.kassa.pos.device.escpos.CodePage;
import dev.kassa.pos.device.escpos.Paper;
import dev.kassa.pos.device.escpos.PrinterProfile;
import dev.kassa.pos.device.scanner.LineSuffix;
import dev.kassa.pos.device.scanner.WedgeDecoder;
import dev.kassa.pos.device.serial.FlowControl;
import dev.kassa.pos.device.serial.SerialSettings;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads and writes {@code devices.properties} in the terminal data directory. A missing file or
 * key takes the default (wedge scanner, virtual 80 mm Epson printer, CP866), so a fresh till starts;
 * a present but wrong value is a {@link DeviceConfigException} naming the key, never a silent
 * fallback that prints rubbish.
 *
 * <pre>
 * scanner=wedge | serial | none
 * scanner.port=/dev/ttyACM0          scanner.baud=9600   scanner.flow=none|rts-cts|xon-xoff
 * scanner.suffix=CR|LF|CRLF          scanner.wedge.min-length=8   scanner.wedge.max-average-gap-ms=50
 * printer=virtual | serial:/dev/ttyUSB0 | tcp:10.0.0.5:9100 | file:/dev/usb/lp0
 * printer.baud=115200                printer.flow=rts-cts   printer.timeout-ms=3000
 * printer.profile=epson|generic-58   printer.code-page=CP866|CP1251
 * printer.code-page.number=17        (overrides the profile's ESC t number for that page)
 * printer.native-qr=true|false       (overrides the profile)
 * paper.width-mm=58|80               paper.columns=32|42|48
 * drawer=true|false
 * </pre>
 */
public final class DeviceConfigFile {
  public static final String FILE_NAME = "devices.properties";

  private DeviceConfigFile() {}

  public static DeviceSettings defaults() {
    return parse(new Properties());
  }

  /** The settings in {@code dataDir/devices.properties}, or the defaults when there is no file. */
  public static DeviceSettings load(Path dataDir) throws IOException {
    Path file = requireNonNull(dataDir, "dataDir == null").resolve(FILE_NAME);
    Properties properties = new Properties();
    if (Files.exists(file)) {
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        properties.load(in);
      }
    }
    return parse(properties);
  }

  public static DeviceSettings parse(Properties p) {
    requireNonNull(p, "p == null");
    ScannerKind kind = get(p, "scanner", "wedge", v -> ScannerKind.valueOf(v.toUpperCase(Locale.ROOT)));
    Path scannerPort = get(p, "scanner.port", "", v -> v.isBlank() ? null : Path.of(v));
    SerialSettings scannerSerial = SerialSettings.of(get(p, "scanner.baud", "9600", Integer::parseInt),
        get(p, "scanner.flow", "none", DeviceConfigFile::flow));
    LineSuffix suffix = get(p, "scanner.suffix", "CR", v -> LineSuffix.valueOf(v.toUpperCase(Locale.ROOT)));
    WedgeDecoder.Settings wedgeDefaults = WedgeDecoder.Settings.defaults();
    WedgeDecoder.Settings wedge = new WedgeDecoder.Settings(
        get(p, "scanner.wedge.min-length", String.valueOf(wedgeDefaults.minLength()), Integer::parseInt),
        get(p, "scanner.wedge.max-average-gap-ms", String.valueOf(wedgeDefaults.maxAverageGap().toMillis()),
            v -> Duration.ofMillis(Long.parseLong(v))),
        wedgeDefaults.burstBreak(), wedgeDefaults.terminators());
    DeviceSettings.Scanner scanner = build("scanner", () ->
        new DeviceSettings.Scanner(kind, scannerPort, scannerSerial, suffix, wedge));

    PrinterTarget target = get(p, "printer", "virtual", PrinterTarget::parse);
    SerialSettings printerSerial = SerialSettings.of(get(p, "printer.baud", "115200", Integer::parseInt),
        get(p, "printer.flow", "none", DeviceConfigFile::flow));
    CodePage codePage = get(p, "printer.code-page", "CP866", v -> CodePage.valueOf(v.toUpperCase(Locale.ROOT)));
    PrinterProfile profile = get(p, "printer.profile", "epson", PrinterProfile::named);
    if (p.getProperty("printer.code-page.number") != null) {
      int number = get(p, "printer.code-page.number", "", Integer::parseInt);
      profile = build("printer.code-page.number", () -> PrinterProfile.named(p.getProperty("printer.profile", "epson"))
          .withCodePage(codePage, number));
    }
    if (p.getProperty("printer.native-qr") != null) {
      profile = profile.withNativeQr(get(p, "printer.native-qr", "", DeviceConfigFile::bool));
    }
    Paper paper = build("paper", () -> Paper.of(get(p, "paper.width-mm", "80", Integer::parseInt),
        get(p, "paper.columns", p.getProperty("paper.width-mm", "80").strip().equals("58") ? "32" : "48",
            Integer::parseInt)));
    Duration timeout = get(p, "printer.timeout-ms", "3000", v -> Duration.ofMillis(Long.parseLong(v)));
    boolean drawer = get(p, "drawer", "true", DeviceConfigFile::bool);
    PrinterProfile finalProfile = profile;
    DeviceSettings.Printer printer = build("printer", () ->
        new DeviceSettings.Printer(target, printerSerial, finalProfile, codePage, paper, timeout, drawer));
    return new DeviceSettings(scanner, printer);
  }

  /** Writes the settings, every key spelled out, so the file documents itself. */
  public static void save(Path dataDir, DeviceSettings settings) throws IOException {
    Properties p = new Properties();
    var s = settings.scanner();
    p.setProperty("scanner", s.kind().name().toLowerCase(Locale.ROOT));
    p.setProperty("scanner.port", s.port() == null ? "" : s.port().toString());
    p.setProperty("scanner.baud", String.valueOf(s.serial().baud()));
    p.setProperty("scanner.flow", flowName(s.serial().flowControl()));
    p.setProperty("scanner.suffix", s.suffix().name());
    p.setProperty("scanner.wedge.min-length", String.valueOf(s.wedge().minLength()));
    p.setProperty("scanner.wedge.max-average-gap-ms", String.valueOf(s.wedge().maxAverageGap().toMillis()));
    var r = settings.printer();
    p.setProperty("printer", r.target().format());
    p.setProperty("printer.baud", String.valueOf(r.serial().baud()));
    p.setProperty("printer.flow", flowName(r.serial().flowControl()));
    p.setProperty("printer.profile", r.profile().name());
    p.setProperty("printer.code-page", r.codePage().name());
    p.setProperty("printer.code-page.number", String.valueOf(r.profile().selectionNumber(r.codePage())));
    p.setProperty("printer.native-qr", String.valueOf(r.profile().nativeQr()));
    p.setProperty("printer.timeout-ms", String.valueOf(r.timeout().toMillis()));
    p.setProperty("paper.width-mm", String.valueOf(r.paper().millimetres()));
    p.setProperty("paper.columns", String.valueOf(r.paper().columns()));
    p.setProperty("drawer", String.valueOf(r.drawer()));
    Files.createDirectories(dataDir);
    try (Writer out = Files.newBufferedWriter(dataDir.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
      p.store(out, "Kassa devices: scanner, receipt printer, cash drawer");
    }
  }

  private static <T> T get(Properties p, String key, String fallback, Function<String, T> parse) {
    String value = p.getProperty(key, fallback).strip();
    try {
      return parse.apply(value);
    } catch (RuntimeException e) {
      throw new DeviceConfigException(FILE_NAME + ": " + key + "=" + value + " is not valid: " + e.getMessage(), e);
    }
  }

  private static <T> T build(String what, java.util.function.Supplier<T> build) {
    try {
      return build.get();
    } catch (DeviceConfigException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new DeviceConfigException(FILE_NAME + ": " + what + " settings are not valid: " + e.getMessage(), e);
    }
  }

  private static FlowControl flow(String value) {
    return FlowControl.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  private static String flowName(FlowControl flow) {
    return flow.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static boolean bool(String value) {
    if (!Set.of("true", "false").contains(value.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("expected true or false");
    }
    return Boolean.parseBoolean(value);
  }
}
