package dev.kassa.pos.device.escpos;

import java.nio.charset.Charset;

/**
 * A character table a receipt printer can switch to with {@code ESC t n}. The number {@code n}
 * differs between printer models, so it lives in a {@link PrinterProfile}, not here.
 */
public enum CodePage {
  /** The printer's power-on table; ASCII only as far as Kassa is concerned. */
  PC437("IBM437"),
  /** DOS Cyrillic: what nearly every ESC/POS printer sold in Russia has. */
  CP866("IBM866"),
  /** Windows Cyrillic: on the models whose profile says so. */
  CP1251("windows-1251");

  private final String charsetName;

  CodePage(String charsetName) {
    this.charsetName = charsetName;
  }

  public Charset charset() {
    return Charset.forName(charsetName);
  }
}
