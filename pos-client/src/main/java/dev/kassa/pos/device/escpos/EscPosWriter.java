package dev.kassa.pos.device.escpos;

import static dev.kassa.pos.device.escpos.EscPos.ESC;
import static dev.kassa.pos.device.escpos.EscPos.GS;
import static java.util.Objects.requireNonNull;

import dev.kassa.pos.device.qr.QrCodes;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Builds an ESC/POS byte stream. Written for Kassa because the Java ESC/POS libraries we tried
 * count QR data in characters instead of bytes (so a Cyrillic QR is cut short) and send the wrong
 * model byte. Text is encoded in the code page last selected; a character the page lacks prints
 * as {@code ?} rather than as garbage of the wrong table.
 */
public final class EscPosWriter {
  /** Largest QR payload {@code GS ( k} can carry: pL/pH hold data length + 3. */
  public static final int MAX_QR_BYTES = 7089;

  private final PrinterProfile profile;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
  private CharsetEncoder encoder = CodePage.PC437.charset().newEncoder();

  public EscPosWriter(PrinterProfile profile) {
    this.profile = requireNonNull(profile, "profile == null");
    useEncoder(CodePage.PC437);
  }

  public PrinterProfile profile() {
    return profile;
  }

  /** {@code ESC @}: back to power-on state (left, normal size, first code table). */
  public EscPosWriter init() {
    useEncoder(CodePage.PC437);
    return raw(ESC, EscPos.INIT);
  }

  public EscPosWriter align(Align align) {
    return raw(ESC, EscPos.ALIGN, (byte) align.ordinal());
  }

  public EscPosWriter bold(boolean on) {
    return raw(ESC, EscPos.BOLD, (byte) (on ? 1 : 0));
  }

  /** {@code GS ! n}: width and height multipliers 1..8 each. */
  public EscPosWriter size(int width, int height) {
    if (width < 1 || width > 8 || height < 1 || height > 8) {
      throw new IllegalArgumentException("character size out of 1..8: " + width + "x" + height);
    }
    return raw(GS, EscPos.CHAR_SIZE, (byte) (((width - 1) << 4) | (height - 1)));
  }

  public EscPosWriter normalSize() {
    return size(1, 1);
  }

  /** {@code ESC t n} with this printer model's number for {@code page}; later text uses it. */
  public EscPosWriter codePage(CodePage page) {
    raw(ESC, EscPos.CODE_TABLE, (byte) profile.selectionNumber(page));
    useEncoder(page);
    return this;
  }

  /** Text in the current code page, without a line feed. */
  public EscPosWriter text(String text) {
    requireNonNull(text, "text == null");
    try {
      ByteBuffer bytes = encoder.encode(CharBuffer.wrap(plain(text)));
      out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IllegalStateException("encoder set to REPLACE cannot fail", e);
    }
    return this;
  }

  /**
   * Typographic characters that no DOS or Windows Cyrillic table has, as their plain look-alikes:
   * product names come from office systems full of guillemets and dashes.
   */
  private static String plain(String text) {
    StringBuilder plain = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      plain.append(switch (c) {
        case '«', '»', '„', '“', '”' -> '"';
        case '‘', '’' -> '\'';
        case '–', '—', '−' -> '-';
        case '\u00A0', '\n', '\r', '\t' -> ' ';
        default -> c;
      });
    }
    return plain.toString();
  }

  public EscPosWriter line(String text) {
    return text(text).newLine();
  }

  public EscPosWriter newLine() {
    return raw(EscPos.LF);
  }

  /** {@code ESC d n}: print and feed n lines. */
  public EscPosWriter feed(int lines) {
    requireByte(lines, "feed lines");
    return raw(ESC, EscPos.FEED_LINES, (byte) lines);
  }

  /** {@code GS V 66 n}: feed n dots to the cutter, then a partial cut (one point left holding). */
  public EscPosWriter cut(int feedDots) {
    requireByte(feedDots, "cut feed");
    return raw(GS, EscPos.CUT, (byte) 66, (byte) feedDots);
  }

  /** {@code ESC p 0 25 250}: 50 ms on pin 2, the pulse cash drawers expect. */
  public EscPosWriter drawerPulse() {
    return raw(ESC, EscPos.DRAWER_PULSE, (byte) 0, (byte) 25, (byte) 250);
  }

  /** EAN-13 ({@code GS k 67}); the 12 data digits, or all 13 with a check digit the printer verifies. */
  public EscPosWriter ean13(String digits) {
    requireNonNull(digits, "digits == null");
    if (!digits.matches("\\d{12,13}")) {
      throw new IllegalArgumentException("EAN-13 needs 12 or 13 digits: " + digits);
    }
    barcodeSetup();
    raw(GS, EscPos.BARCODE, (byte) EscPos.BARCODE_EAN13, (byte) digits.length());
    out.writeBytes(digits.getBytes(StandardCharsets.US_ASCII));
    return this;
  }

  /** Code 128 ({@code GS k 73}) in code set B: printable ASCII only. */
  public EscPosWriter code128(String data) {
    requireNonNull(data, "data == null");
    if (data.isEmpty() || data.length() > 253 || !data.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
      throw new IllegalArgumentException("Code 128 B takes 1..253 printable ASCII characters: " + data);
    }
    if (data.indexOf('{') >= 0) {
      throw new IllegalArgumentException("'{' starts a code set switch in GS k 73 data: " + data);
    }
    barcodeSetup();
    raw(GS, EscPos.BARCODE, (byte) EscPos.BARCODE_CODE128, (byte) (data.length() + 2), (byte) '{', (byte) 'B');
    out.writeBytes(data.getBytes(StandardCharsets.US_ASCII));
    return this;
  }

  private void barcodeSetup() {
    raw(GS, EscPos.BARCODE_HEIGHT, (byte) 80);
    raw(GS, EscPos.BARCODE_WIDTH, (byte) 2);
    raw(GS, EscPos.BARCODE_HRI, (byte) 2);
  }

  /**
   * A native QR code ({@code GS ( k}): model 2, module size in dots, error level M. The data is
   * sent as UTF-8 and its length counted in bytes, so Cyrillic text survives whole.
   */
  public EscPosWriter qr(String data, int moduleDots) {
    requireNonNull(data, "data == null");
    if (moduleDots < 1 || moduleDots > 16) {
      throw new IllegalArgumentException("QR module size out of 1..16: " + moduleDots);
    }
    byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
    if (bytes.length == 0 || bytes.length > MAX_QR_BYTES) {
      throw new IllegalArgumentException("QR data must be 1.." + MAX_QR_BYTES + " bytes, was " + bytes.length);
    }
    qrFunction(EscPos.QR_MODEL, (byte) 50, (byte) 0);
    qrFunction(EscPos.QR_SIZE, (byte) moduleDots);
    qrFunction(EscPos.QR_ERROR_LEVEL, (byte) 49);
    int length = bytes.length + 3;
    raw(GS, EscPos.FUNCTION, (byte) 'k', (byte) (length & 0xFF), (byte) (length >> 8),
        (byte) EscPos.QR_CN, (byte) EscPos.QR_STORE, (byte) 48);
    out.writeBytes(bytes);
    return qrFunction(EscPos.QR_PRINT, (byte) 48);
  }

  /**
   * A QR code the way this printer model can print it: native when its profile says so, otherwise
   * rendered here with ZXing and sent as a raster image of the same module size.
   */
  public EscPosWriter qrCode(String data, int moduleDots) {
    return profile.nativeQr() ? qr(data, moduleDots) : raster(QrCodes.raster(data, moduleDots));
  }

  private EscPosWriter qrFunction(int fn, byte... params) {
    int length = params.length + 2;
    raw(GS, EscPos.FUNCTION, (byte) 'k', (byte) length, (byte) 0, (byte) EscPos.QR_CN, (byte) fn);
    out.writeBytes(params);
    return this;
  }

  /** A monochrome image as {@code GS v 0} raster, normal density. */
  public EscPosWriter raster(RasterImage image) {
    requireNonNull(image, "image == null");
    int widthBytes = image.widthBytes();
    raw(GS, EscPos.RASTER, (byte) '0', (byte) 0,
        (byte) (widthBytes & 0xFF), (byte) (widthBytes >> 8),
        (byte) (image.height() & 0xFF), (byte) (image.height() >> 8));
    out.writeBytes(image.packedRows());
    return this;
  }

  /** Bytes sent as they are, for commands this writer does not name. */
  public EscPosWriter raw(byte... bytes) {
    out.writeBytes(bytes);
    return this;
  }

  public byte[] toBytes() {
    return out.toByteArray();
  }

  private void useEncoder(CodePage page) {
    encoder = page.charset().newEncoder()
        .onUnmappableCharacter(CodingErrorAction.REPLACE)
        .onMalformedInput(CodingErrorAction.REPLACE)
        .replaceWith(new byte[] {'?'});
  }

  private static void requireByte(int value, String what) {
    if (value < 0 || value > 255) {
      throw new IllegalArgumentException(what + " out of 0..255: " + value);
    }
  }
}
