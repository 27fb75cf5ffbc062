package io.ttquant.binance.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stream-name checks, the combined connect URL within its length budget, and the control-message JSON. */
class StreamNamesTest {
    @Test
    void shouldAcceptBinanceStreamNamesAndRefuseAnythingThatCouldBreakAUrlOrJson() {
        assertThat(StreamNames.check("btcusdt@depth@100ms")).isEqualTo("btcusdt@depth@100ms");
        assertThat(StreamNames.check("btcusdt@kline_1M")).isEqualTo("btcusdt@kline_1M");
        assertThat(StreamNames.check("!miniTicker@arr")).isEqualTo("!miniTicker@arr");
        assertThatThrownBy(() -> StreamNames.check("btc\"usdt")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("btc\"usdt");
        assertThatThrownBy(() -> StreamNames.check("a/b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StreamNames.check("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StreamNames.check("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldPutStreamsIntoTheUrlUntilTheLengthBudgetIsSpent() {
        List<String> taken = new ArrayList<>();
        String url = StreamNames.combinedUrl("ws://127.0.0.1:9", List.of("aaaa@trade", "bbbb@trade", "cccc@trade"), 60, taken);
        assertThat(url).isEqualTo("ws://127.0.0.1:9/stream?streams=aaaa@trade/bbbb@trade");
        assertThat(url.length()).isLessThanOrEqualTo(60);
        assertThat(taken).containsExactly("aaaa@trade", "bbbb@trade");
        List<String> none = new ArrayList<>();
        assertThat(StreamNames.combinedUrl("wss://h", List.of(), 100, none)).isEqualTo("wss://h/stream");
        assertThat(none).isEmpty();
    }

    @Test
    void shouldWriteBinanceControlMessagesAndMergeOnlyQueuedOnesOfTheSameMethod() {
        ControlMessage sub = new ControlMessage(ControlMessage.Method.SUBSCRIBE, 7);
        sub.streams.add("btcusdt@trade");
        assertThat(sub.canMerge(ControlMessage.Method.SUBSCRIBE, 1, 2)).isTrue();
        sub.streams.add("ethusdt@trade");
        assertThat(sub.json()).isEqualTo("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\",\"ethusdt@trade\"],\"id\":7}");
        assertThat(sub.canMerge(ControlMessage.Method.SUBSCRIBE, 1, 2)).as("full").isFalse();
        assertThat(sub.canMerge(ControlMessage.Method.UNSUBSCRIBE, 1, 10)).isFalse();
        sub.sent = true;
        assertThat(sub.canMerge(ControlMessage.Method.SUBSCRIBE, 1, 10)).as("already written").isFalse();
        ControlMessage list = new ControlMessage(ControlMessage.Method.LIST_SUBSCRIPTIONS, 8);
        assertThat(list.json()).isEqualTo("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":8}");
        assertThat(list.canMerge(ControlMessage.Method.LIST_SUBSCRIPTIONS, 0, 10)).isFalse();
    }
}
