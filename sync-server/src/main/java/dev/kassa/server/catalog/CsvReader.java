package dev.kassa.server.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records: fields separated by commas, a field holding a comma, quote or line break is
 * double-quoted with quotes doubled inside; LF or CRLF line ends. Each record remembers the line
 * it starts on, so an error can say "line 12" even when an earlier field spans lines.
 */
final class CsvReader {
  /** One record and the 1-based line it starts on. */
  record Record(int line, List<String> fields) {}

  /** The text is not CSV at all (an unterminated quote, a quote in the middle of a field). */
  static final class MalformedCsvException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int line;

    MalformedCsvException(int line, String message) {
      super(message);
      this.line = line;
    }

    int line() {
      return line;
    }
  }

  private CsvReader() {}

  static List<Record> read(String text) {
    List<Record> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int line = 1;
    int recordLine = 1;
    boolean quoted = false;
    boolean fieldWasQuoted = false;
    int i = text.startsWith("\uFEFF") ? 1 : 0; // a BOM from spreadsheet exports
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"') {
        if (field.length() > 0 || fieldWasQuoted) {
          throw new MalformedCsvException(line, "a quote inside an unquoted field");
        }
        quoted = true;
        fieldWasQuoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        fieldWasQuoted = false;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        fields.add(field.toString());
        field.setLength(0);
        fieldWasQuoted = false;
        if (!(fields.size() == 1 && fields.get(0).isEmpty())) {
          records.add(new Record(recordLine, List.copyOf(fields)));
        }
        fields.clear();
        line++;
        recordLine = line;
      } else {
        if (fieldWasQuoted) {
          throw new MalformedCsvException(line, "text after a closing quote");
        }
        field.append(c);
      }
      i++;
    }
    if (quoted) {
      throw new MalformedCsvException(recordLine, "a quoted field is never closed");
    }
    if (field.length() > 0 || fieldWasQuoted || !fields.isEmpty()) {
      fields.add(field.toString());
      records.add(new Record(recordLine, List.copyOf(fields)));
    }
    return records;
  }
}
