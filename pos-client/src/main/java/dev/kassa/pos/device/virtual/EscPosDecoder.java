package dev.kassa.pos.device.virtual;

import static java.util.Objects.requireNonNull;

import dev.kassa.pos.device.escpos.Align;
import dev.kassa.pos.device.escpos.CodePage;
import dev.kassa.pos.device.escpos.EscPos;
import dev.kassa.pos.device.escpos.PrinterProfile;
import dev.kassa.pos.device.escpos.RasterImage;
import dev.kassa.pos.device.virtual.PrintElement.Run;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads an ESC/POS byte stream the way a printer of {@code profile} would and lists what it would
 * print. Strict on purpose: an unknown command or a truncated one is an {@link
 * EscPosFormatException}, so a bug in our encoder fails a test instead of printing rubbish.
 * Status queries ({@code DLE EOT}) print nothing and are skipped.
 */
public final class EscPosDecoder {
  private final PrinterProfile profile;
  private final byte[] in;
  private int pos;
  private final List<PrintElement> out = new ArrayList<>();

  private Align align = Align.LEFT;
  private boolean bold;
  private int width = 1;
  private int height = 1;
  private char[] table = tableOf(CodePage.PC437);
  private final List<Run> runs = new ArrayList<>();
  private final StringBuilder run = new StringBuilder();
  private byte[] qrData;
  private int qrModule = 3;

  private EscPosDecoder(PrinterProfile profile, byte[] bytes) {
    this.profile = requireNonNull(profile, "profile == null");
    this.in = requireNonNull(bytes, "bytes == null");
  }

  /** What {@code bytes} print on a printer of {@code profile}; text not ended by LF is dropped, as a printer keeps it buffered. */
  public static List<PrintElement> decode(PrinterProfile profile, byte[] bytes) {
    EscPosDecoder decoder = new EscPosDecoder(profile, bytes);
    decoder.run();
    return List.copyOf(decoder.out);
  }

  private void run() {
    while (pos < in.length) {
      int b = next();
      switch (b) {
        case EscPos.LF -> flushLine();
        case EscPos.ESC -> esc();
        case EscPos.GS -> gs();
        case EscPos.DLE -> dle();
        case '\r' -> { }
        default -> {
          if (b < 0x20) {
            throw new EscPosFormatException(pos - 1, "unexpected control byte 0x" + Integer.toHexString(b));
          }
          run.append(table[b]);
        }
      }
    }
  }

  private void esc() {
    int command = next();
    switch (command) {
      case EscPos.INIT -> {
        closeRun();
        align = Align.LEFT;
        bold = false;
        width = 1;
        height = 1;
        table = tableOf(CodePage.PC437);
      }
      case EscPos.ALIGN -> {
        int n = next();
        align = switch (n) {
          case 0, '0' -> Align.LEFT;
          case 1, '1' -> Align.CENTER;
          case 2, '2' -> Align.RIGHT;
          default -> throw new EscPosFormatException(pos - 1, "ESC a with " + n);
        };
      }
      case EscPos.BOLD -> {
        closeRun();
        bold = (next() & 1) == 1;
      }
      case EscPos.CODE_TABLE -> {
        int n = next();
        CodePage page = profile.pageFor(n).orElseThrow(() -> new EscPosFormatException(pos - 1,
            "ESC t " + n + " is no code page of printer profile " + profile.name()));
        table = tableOf(page);
      }
      case EscPos.FEED_LINES -> {
        int n = next();
        boolean pending = !runs.isEmpty() || run.length() > 0;
        if (pending) {
          flushLine();
        }
        for (int i = pending ? 1 : 0; i < n; i++) {
          flushLine();
        }
      }
      case EscPos.DRAWER_PULSE -> {
        skip(3);
        out.add(new PrintElement.DrawerPulse());
      }
      default -> throw new EscPosFormatException(pos - 2, "unknown command ESC 0x" + Integer.toHexString(command));
    }
  }

  private void gs() {
    int command = next();
    switch (command) {
      case EscPos.CHAR_SIZE -> {
        closeRun();
        int n = next();
        width = (n >> 4) + 1;
        height = (n & 0x0F) + 1;
      }
      case EscPos.BARCODE_HEIGHT, EscPos.BARCODE_WIDTH, EscPos.BARCODE_HRI -> skip(1);
      case EscPos.BARCODE -> barcode();
      case EscPos.FUNCTION -> function();
      case EscPos.RASTER -> raster();
      case EscPos.CUT -> {
        int m = next();
        if (m == 65 || m == 66) {
          skip(1);
        }
        flushPending();
        out.add(new PrintElement.Cut());
      }
      default -> throw new EscPosFormatException(pos - 2, "unknown command GS 0x" + Integer.toHexString(command));
    }
  }

  private void dle() {
    int command = next();
    if (command != EscPos.EOT) {
      throw new EscPosFormatException(pos - 2, "unknown command DLE 0x" + Integer.toHexString(command));
    }
    skip(1);
  }

  private void barcode() {
    int m = next();
    int n = next();
    String data = new String(take(n), StandardCharsets.US_ASCII);
    flushPending();
    switch (m) {
      case EscPos.BARCODE_EAN13 -> out.add(new PrintElement.Barcode(PrintElement.Symbology.EAN_13, data, align));
      case EscPos.BARCODE_CODE128 -> {
        if (!data.startsWith("{B")) {
          throw new EscPosFormatException(pos - n, "Code 128 data must start with a code set, was: " + data);
        }
        out.add(new PrintElement.Barcode(PrintElement.Symbology.CODE_128, data.substring(2), align));
      }
      default -> throw new EscPosFormatException(pos - n - 2, "unsupported barcode system " + m);
    }
  }

  /** {@code GS ( k pL pH cn fn ...}: only the QR functions (cn = 49) are understood. */
  private void function() {
    int start = pos - 2;
    if (next() != 'k') {
      throw new EscPosFormatException(start, "only GS ( k is supported");
    }
    int length = next() | (next() << 8);
    if (length < 2) {
      throw new EscPosFormatException(start, "GS ( k with a body shorter than 2 bytes");
    }
    byte[] body = take(length);
    if ((body[0] & 0xFF) != EscPos.QR_CN) {
      throw new EscPosFormatException(start, "GS ( k symbol " + (body[0] & 0xFF) + " is not QR (49)");
    }
    switch (body[1] & 0xFF) {
      case EscPos.QR_MODEL -> {
        if (length != 4 || body[2] != 50) {
          throw new EscPosFormatException(start, "QR model must be 2 (byte 50), was " + (body[2] & 0xFF));
        }
      }
      case EscPos.QR_SIZE -> qrModule = body[2] & 0xFF;
      case EscPos.QR_ERROR_LEVEL -> { }
      case EscPos.QR_STORE -> qrData = Arrays.copyOfRange(body, 3, body.length);
      case EscPos.QR_PRINT -> {
        if (qrData == null) {
          throw new EscPosFormatException(start, "QR print without stored data");
        }
        flushPending();
        out.add(new PrintElement.Qr(new String(qrData, StandardCharsets.UTF_8), qrModule, align));
      }
      default -> throw new EscPosFormatException(start, "unsupported QR function " + (body[1] & 0xFF));
    }
  }

  private void raster() {
    int start = pos - 2;
    if (next() != '0') {
      throw new EscPosFormatException(start, "only GS v 0 raster is supported");
    }
    skip(1);
    int widthBytes = next() | (next() << 8);
    int rows = next() | (next() << 8);
    if (widthBytes == 0 || rows == 0) {
      throw new EscPosFormatException(start, "empty raster image");
    }
    byte[] data = take(widthBytes * rows);
    flushPending();
    out.add(new PrintElement.Image(new RasterImage(widthBytes * 8, rows, data), align));
  }

  private void flushPending() {
    if (!runs.isEmpty() || run.length() > 0) {
      flushLine();
    }
  }

  private void flushLine() {
    closeRun();
    out.add(new PrintElement.TextLine(runs, align));
    runs.clear();
  }

  private void closeRun() {
    if (run.length() > 0) {
      runs.add(new Run(run.toString(), bold, width, height));
      run.setLength(0);
    }
  }

  private int next() {
    if (pos >= in.length) {
      throw new EscPosFormatException(pos, "stream ends inside a command");
    }
    return in[pos++] & 0xFF;
  }

  private byte[] take(int n) {
    if (pos + n > in.length) {
      throw new EscPosFormatException(pos, "stream ends inside a command's data (" + n + " bytes expected)");
    }
    byte[] data = Arrays.copyOfRange(in, pos, pos + n);
    pos += n;
    return data;
  }

  private void skip(int n) {
    take(n);
  }

  private static char[] tableOf(CodePage page) {
    byte[] all = new byte[256];
    for (int i = 0; i < 256; i++) {
      all[i] = (byte) i;
    }
    return page.charset().decode(ByteBuffer.wrap(all)).toString().toCharArray();
  }
}
