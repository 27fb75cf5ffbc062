package io.ttquant.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {
    @Test
    void shouldQuoteOnlyFieldsThatNeedItAndDoubleTheirQuotes() throws IOException {
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out);

        csv.row("plain", "with,comma", "with \"quote\"", "two\nlines", "cr\rhere", "", null);

        assertThat(out.toString()).isEqualTo("plain,\"with,comma\",\"with \"\"quote\"\"\",\"two\nlines\",\"cr\rhere\",,\n");
        assertThat(MiniCsv.parse(out.toString()).get(0))
                .containsExactly("plain", "with,comma", "with \"quote\"", "two\nlines", "cr\rhere", "", "");
    }

    @Test
    void shouldWriteRowsOfEqualWidth() throws IOException {
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out);

        csv.field(1).field("a").endRow();
        csv.field(2).field("b,c").endRow();

        assertThat(MiniCsv.parse(out.toString())).containsExactly(List.of("1", "a"), List.of("2", "b,c"));
    }
}
