package dev.kassa.pos.device.virtual;

import static java.util.Objects.requireNonNull;

import dev.kassa.pos.device.escpos.Paper;
import dev.kassa.pos.device.escpos.PrinterProfile;
import dev.kassa.pos.device.escpos.PrinterStatus;
import dev.kassa.pos.device.printer.PrinterException;
import dev.kassa.pos.device.printer.PrinterTransport;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * A printer in memory: takes ESC/POS bytes like a real one and keeps what it printed, as elements,
 * plain text and a PNG. The cashier screens use it for the on-screen receipt preview, tests for
 * golden receipts, and the demo when no printer is attached. Its status can be set to play a
 * printer out of paper or with the cover open.
 */
public final class VirtualPrinter implements PrinterTransport {
  private final PrinterProfile profile;
  private final Paper paper;
  private final List<PrintElement> printed = new ArrayList<>();
  private PrinterStatus status = PrinterStatus.READY;
  private int paperLines = -1;

  public VirtualPrinter(PrinterProfile profile, Paper paper) {
    this.profile = requireNonNull(profile, "profile == null");
    this.paper = requireNonNull(paper, "paper == null");
  }

  public Paper paper() {
    return paper;
  }

  /**
   * Prints the bytes unless the simulated status blocks printing; with a short roll loaded
   * ({@link #loadPaper}) printing stops where the paper ends and the status turns to paper out.
   */
  @Override
  public synchronized Optional<PrinterStatus> send(byte[] bytes) throws PrinterException {
    List<PrintElement> elements = EscPosDecoder.decode(profile, bytes);
    if (status.blocksPrinting()) {
      return Optional.of(status);
    }
    for (PrintElement element : elements) {
      if (paperLines == 0) {
        status = new PrinterStatus(true, status.coverOpen(), true, true);
        break;
      }
      printed.add(element);
      if (paperLines > 0 && element instanceof PrintElement.TextLine) {
        paperLines--;
      }
    }
    return Optional.of(status);
  }

  /** Loads a roll good for {@code lines} text lines; a negative number is an endless roll. Clears paper out. */
  public synchronized void loadPaper(int lines) {
    paperLines = lines;
    status = new PrinterStatus(status.offline() && !status.paperOut(), status.coverOpen(), false, false);
  }

  @Override
  public synchronized Optional<PrinterStatus> status() {
    return Optional.of(status);
  }

  public synchronized void setStatus(PrinterStatus status) {
    this.status = requireNonNull(status, "status == null");
  }

  public synchronized List<PrintElement> printed() {
    return List.copyOf(printed);
  }

  public synchronized void clear() {
    printed.clear();
  }

  public synchronized String text() {
    return PrintoutText.render(printed, paper.columns());
  }

  public synchronized BufferedImage image() {
    return PrintoutImage.render(printed, paper);
  }

  /** Writes what was printed as a PNG and a UTF-8 text file. */
  public void writeTo(Path png, Path text) throws IOException {
    Files.writeString(text, text(), StandardCharsets.UTF_8);
    if (!ImageIO.write(image(), "png", png.toFile())) {
      throw new IOException("no PNG writer available");
    }
  }

  /** The preview of a single document, without a printer behind it. */
  public static VirtualPrinter preview(PrinterProfile profile, Paper paper, byte[] bytes) {
    VirtualPrinter printer = new VirtualPrinter(profile, paper);
    printer.printed.addAll(EscPosDecoder.decode(profile, bytes));
    return printer;
  }

  @Override
  public String describe() {
    return "virtual";
  }
}
