package dev.kassa.pos.receipt;

import dev.kassa.model.money.Money;
import dev.kassa.model.money.Rates;
import java.util.ArrayList;
import java.util.List;

/** Fixed-width text for a receipt: a label and a value on one line, long names wrapped. */
final class TextColumns {
  private final int columns;

  TextColumns(int columns) {
    this.columns = columns;
  }

  int columns() {
    return columns;
  }

  /** {@code label} on the left, {@code value} flush right; the label is cut when both cannot fit. */
  String pair(String label, String value) {
    int room = columns - value.length() - 1;
    String left = label.length() > room ? label.substring(0, Math.max(0, room)) : label;
    return left + " ".repeat(Math.max(1, columns - left.length() - value.length())) + value;
  }

  String rule() {
    return "-".repeat(columns);
  }

  /** Words wrapped to the width; a word longer than a line is split. */
  List<String> wrap(String text, int indent) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int width = columns - indent;
    for (String word : text.strip().split("\\s+")) {
      while (word.length() > width) {
        if (line.length() > 0) {
          lines.add(line.toString());
          line.setLength(0);
        }
        lines.add(word.substring(0, width));
        word = word.substring(width);
      }
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    String pad = " ".repeat(indent);
    return lines.stream().map(l -> pad + l).toList();
  }

  static String money(Money money) {
    return Rates.decimal(money.minor(), money.currency().getDefaultFractionDigits());
  }

  /** 2200 basis points as {@code 22%}, 1050 as {@code 10.5%}. */
  static String percent(int basisPoints) {
    String decimal = Rates.decimal(basisPoints, 2);
    return decimal.replaceAll("\\.?0+$", "") + "%";
  }
}
