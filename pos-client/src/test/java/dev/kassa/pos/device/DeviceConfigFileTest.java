package dev.kassa.pos.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kassa.pos.device.DeviceSettings.ScannerKind;
import dev.kassa.pos.device.escpos.CodePage;
import dev.kassa.pos.device.escpos.Paper;
import dev.kassa.pos.device.scanner.LineSuffix;
import dev.kassa.pos.device.serial.FlowControl;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceConfigFileTest {

  private static DeviceSettings parse(String text) throws Exception {
    Properties p = new Properties();
    p.load(new StringReader(text));
    return DeviceConfigFile.parse(p);
  }

  @Test
  void aFreshTillStartsWithAWedgeScannerAndTheVirtualPrinter(@TempDir Path dir) throws Exception {
    DeviceSettings settings = DeviceConfigFile.load(dir);

    assertThat(settings.scanner().kind()).isEqualTo(ScannerKind.WEDGE);
    assertThat(settings.printer().target()).isEqualTo(new PrinterTarget.Virtual());
    assertThat(settings.printer().paper()).isEqualTo(Paper.MM80);
    assertThat(settings.printer().codePage()).isEqualTo(CodePage.CP866);
  }

  @Test
  void readsAFullSetup() throws Exception {
    DeviceSettings settings = parse("""
        scanner=serial
        scanner.port=/dev/ttyACM0
        scanner.baud=115200
        scanner.suffix=crlf
        printer=tcp:10.0.0.5:9100
        printer.profile=generic-58
        printer.code-page=CP1251
        printer.code-page.number=73
        printer.native-qr=true
        paper.width-mm=58
        drawer=false
        """);

    assertThat(settings.scanner().port()).isEqualTo(Path.of("/dev/ttyACM0"));
    assertThat(settings.scanner().serial().baud()).isEqualTo(115_200);
    assertThat(settings.scanner().suffix()).isEqualTo(LineSuffix.CRLF);
    assertThat(settings.printer().target()).isEqualTo(new PrinterTarget.Tcp("10.0.0.5", 9100));
    assertThat(settings.printer().profile().selectionNumber(CodePage.CP1251)).isEqualTo(73);
    assertThat(settings.printer().profile().nativeQr()).isTrue();
    assertThat(settings.printer().paper()).isEqualTo(Paper.MM58);
    assertThat(settings.printer().drawer()).isFalse();
  }

  @Test
  void savedSettingsLoadBackEqual(@TempDir Path dir) throws Exception {
    DeviceSettings settings = parse("""
        scanner=serial
        scanner.port=/dev/ttyUSB1
        scanner.flow=xon-xoff
        printer=serial:/dev/ttyUSB0
        printer.flow=rts-cts
        printer.timeout-ms=1500
        paper.width-mm=80
        paper.columns=42
        """);

    DeviceConfigFile.save(dir, settings);
    DeviceSettings back = DeviceConfigFile.load(dir);

    assertThat(back).isEqualTo(settings);
    assertThat(back.scanner().serial().flowControl()).isEqualTo(FlowControl.XON_XOFF);
    assertThat(back.printer().timeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(Files.readString(dir.resolve("devices.properties"), StandardCharsets.UTF_8))
        .contains("printer=serial\\:/dev/ttyUSB0");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      scanner=barcode                      | scanner=barcode is not valid
      scanner=serial                       | a serial scanner needs a port
      printer=usb:/dev/x                   | printer must be serial:PATH, tcp:HOST:PORT, file:PATH or virtual
      printer=tcp:host                     | tcp: needs host:port
      printer.code-page=CP1251\\nprinter.profile=generic-58 | has no code page CP1251
      paper.width-mm=76                    | no standard paper of 76 mm
      paper.width-mm=80\\npaper.columns=32  | no standard paper of 80 mm with 32 columns
      drawer=yes                           | drawer=yes is not valid: expected true or false
      scanner.baud=fast                    | scanner.baud=fast is not valid
      """)
  void wrongValuesNameTheKey(String text, String message) {
    assertThatThrownBy(() -> parse(text.replace("\\n", "\n")))
        .isInstanceOf(DeviceConfigException.class).hasMessageContaining(message);
  }
}
