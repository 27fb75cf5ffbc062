package io.ttquant.sim.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamNameTest {
    @Test
    void shouldParseEveryMarketStreamKind() {
        assertThat(StreamName.parse("btcusdt@trade").kind()).isEqualTo(StreamName.Kind.TRADE);
        assertThat(StreamName.parse("btcusdt@aggTrade").kind()).isEqualTo(StreamName.Kind.AGG_TRADE);
        assertThat(StreamName.parse("btcusdt@bookTicker").kind()).isEqualTo(StreamName.Kind.BOOK_TICKER);
        StreamName d = StreamName.parse("btcusdt@depth@100ms");
        assertThat(d.kind()).isEqualTo(StreamName.Kind.DEPTH_DIFF);
        assertThat(d.speedMillis()).isEqualTo(100);
        assertThat(StreamName.parse("btcusdt@depth").speedMillis()).isEqualTo(1000);
        StreamName p = StreamName.parse("ethusdt@depth10@100ms");
        assertThat(p.kind()).isEqualTo(StreamName.Kind.PARTIAL_DEPTH);
        assertThat(p.levels()).isEqualTo(10);
        assertThat(p.speedMillis()).isEqualTo(100);
        assertThat(p.symbol()).isEqualTo("ETHUSDT");
        StreamName k = StreamName.parse("btcusdt@kline_1m");
        assertThat(k.kind()).isEqualTo(StreamName.Kind.KLINE);
        assertThat(k.interval()).isEqualTo("1m");
    }

    @Test
    void shouldCanonicaliseTheSymbolToLowerCase() {
        assertThat(StreamName.parse("BTCUSDT@trade").name()).isEqualTo("btcusdt@trade");
    }

    @Test
    void shouldRejectUnknownStreams() {
        assertThat(StreamName.parse("btcusdt@depth7")).isNull();
        assertThat(StreamName.parse("btcusdt@kline_2m")).isNull();
        assertThat(StreamName.parse("btcusdt@trades")).isNull();
        assertThat(StreamName.parse("btc-usdt@trade")).isNull();
        assertThat(StreamName.parse("@trade")).isNull();
        assertThat(StreamName.parse("")).isNull();
        assertThat(StreamName.parse("notalistenkey")).isNull();
    }

    @Test
    void shouldRecogniseAListenKey() {
        String key = "pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8a65a1";
        assertThat(StreamName.parse(key).kind()).isEqualTo(StreamName.Kind.USER_DATA);
    }
}
