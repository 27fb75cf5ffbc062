package io.ttquant.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
    @Test
    void shouldPrettyPrintNestedObjectsInWriteOrder() throws IOException {
        StringWriter out = new StringWriter();
        JsonWriter j = new JsonWriter(out);

        j.beginObject().name("b").value(1L).name("a").beginObject().endObject().name("c").beginObject().name("x").value("y")
                .endObject().endObject();

        assertThat(out.toString()).isEqualTo("{\n  \"b\": 1,\n  \"a\": {},\n  \"c\": {\n    \"x\": \"y\"\n  }\n}\n");
    }

    @Test
    void shouldWriteNonFiniteDoublesAsNull() throws IOException {
        StringWriter out = new StringWriter();

        new JsonWriter(out).beginObject().name("nan").value(Double.NaN).name("inf").value(Double.POSITIVE_INFINITY)
                .name("neg").value(Double.NEGATIVE_INFINITY).name("ok").value(0.25).endObject();

        Map<String, Object> m = MiniJson.object(out.toString());
        assertThat(m).containsEntry("nan", null).containsEntry("inf", null).containsEntry("neg", null)
                .containsEntry("ok", new BigDecimal("0.25"));
    }

    @Test
    void shouldEscapeControlCharactersQuotesAndLoneSurrogates() throws IOException {
        String nasty = "q\"b\\s/n\nr\rt\tz\u0000\u001f\u2028 \uD800 ok \uD83D\uDE80";
        StringWriter out = new StringWriter();

        new JsonWriter(out).beginObject().name(nasty).value(nasty).endObject();

        assertThat(out.toString()).contains("\\u0000").contains("\\u001f").contains("\\ud800").contains("\uD83D\uDE80");
        assertThat(MiniJson.object(out.toString())).containsEntry(nasty, nasty);
    }

    @Test
    void shouldRefuseADecimalThatIsNotAJsonNumber() {
        JsonWriter j = new JsonWriter(new StringWriter());

        assertThatThrownBy(() -> j.beginObject().name("x").decimal("1e5x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JsonWriter(new StringWriter()).beginObject().name("x").decimal(".5"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
