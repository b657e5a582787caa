package dev.kassa.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

  @Test
  void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
    List<CsvReader.Record> records = CsvReader.read("a,b\n\"Молоко 2,5%\",\"say \"\"hi\"\"\"\n\"two\nlines\",x\r\nlast,");

    assertThat(records).extracting(CsvReader.Record::fields).containsExactly(
        List.of("a", "b"), List.of("Молоко 2,5%", "say \"hi\""), List.of("two\nlines", "x"), List.of("last", ""));
    assertThat(records).extracting(CsvReader.Record::line).containsExactly(1, 2, 3, 5);
  }

  @Test
  void skipsBlankLinesAndAByteOrderMark() {
    assertThat(CsvReader.read("\uFEFFa\n\nb\n")).extracting(CsvReader.Record::fields)
        .containsExactly(List.of("a"), List.of("b"));
  }

  @Test
  void refusesAnUnclosedQuoteNamingItsLine() {
    assertThatThrownBy(() -> CsvReader.read("a\nb\n\"open,x\n"))
        .isInstanceOfSatisfying(CsvReader.MalformedCsvException.class, e -> assertThat(e.line()).isEqualTo(3));
  }

  @Test
  void refusesAQuoteInsideAnUnquotedField() {
    assertThatThrownBy(() -> CsvReader.read("ab\"c\n")).isInstanceOf(CsvReader.MalformedCsvException.class);
  }
}
