package io.ttquant.sim.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.num.Fixed;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
    @Test
    void shouldPlaceCommasAndNestStructures() {
        JsonWriter w = new JsonWriter(8);
        w.beginObject().field("a", 1).name("b").beginArray().value("x").value(true).nullValue()
                .beginArray().endArray().endArray().name("c").beginObject().endObject().endObject();
        assertThat(w.toString()).isEqualTo("{\"a\":1,\"b\":[\"x\",true,null,[]],\"c\":{}}");
    }

    @Test
    void shouldWriteDecimalsWithEightPlacesLikeBinance() {
        JsonWriter w = new JsonWriter();
        w.beginArray().decimal8(6183763, 2).decimal8(2000, 5).decimal8(0, 2).decimal8(-9499999800L, 8)
                .decimal8(5, 0).endArray();
        assertThat(w.toString())
                .isEqualTo("[\"61837.63000000\",\"0.02000000\",\"0.00000000\",\"-94.99999800\",\"5.00000000\"]");
    }

    @Test
    void shouldMatchFixedFormatPaddedToEightDecimalsForRandomValues() {
        SplittableRandom r = new SplittableRandom(7);
        JsonWriter w = new JsonWriter();
        for (int i = 0; i < 100_000; i++) {
            int scale = r.nextInt(9);
            long raw = r.nextLong() >> r.nextInt(64);
            String expected = Fixed.toBigDecimal(raw, scale).setScale(8).toPlainString();
            w.reset().decimal8(raw, scale);
            assertThat(w.toString()).isEqualTo("\"" + expected + "\"");
        }
    }

    @Test
    void shouldRoundHalfUpWhenFewerDecimalsThanScale() {
        JsonWriter w = new JsonWriter();
        w.beginArray().decimal(-959605, 4, 3).decimal(12345, 4, 3).decimal(1, 0, 3).endArray();
        assertThat(w.toString()).isEqualTo("[\"-95.961\",\"1.235\",\"1.000\"]");
    }

    @Test
    void shouldEscapeStringsAndEncodeUtf8() {
        JsonWriter w = new JsonWriter();
        w.value("q\"b\\n\n\u0001é€😀");
        assertThat(w.toString()).isEqualTo("\"q\\\"b\\\\n\\n\\u0001é€😀\"");
    }

    @Test
    void shouldWriteExtremeLongs() {
        JsonWriter w = new JsonWriter();
        w.beginArray().value(Long.MIN_VALUE).value(Long.MAX_VALUE).value(0).value(-1).endArray();
        assertThat(w.toString()).isEqualTo("[-9223372036854775808,9223372036854775807,0,-1]");
    }

    @Test
    void shouldWriteEveryMagnitudeOfLongLikeLongToString() {
        SplittableRandom r = new SplittableRandom(11);
        JsonWriter w = new JsonWriter();
        for (int i = 0; i < 100_000; i++) {
            long v = r.nextLong() >> r.nextInt(64);
            w.reset().value(v);
            assertThat(w.toString()).isEqualTo(Long.toString(v));
        }
        long[] edges = {9, 10, 99, 100, 101, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, 999_999_999_999L, 1_000_000_000_000L};
        for (long v : edges) {
            assertThat(w.reset().value(v).toString()).isEqualTo(Long.toString(v));
        }
    }
}
