package io.ttquant.binance.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ttquant.binance.BinanceEndpoints;
import io.ttquant.binance.userdata.UserDataStreamConfig;
import io.ttquant.core.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The settings both WebSocket owners share ({@link WebSocketConfig}): the market-data
 * {@link StreamClientConfig} and the {@link UserDataStreamConfig} keep their own defaults and their
 * own rules, and both refuse what breaks Binance's connection rules.
 */
class WebSocketConfigTest {
    private static final Clock CLOCK = () -> 0L;
    private static final long S = 1_000_000_000L;

    /** Builds a config of either owner after applying the shared settings of {@code tune}. */
    private static List<Function<UnaryOperator<WebSocketConfig.Builder<?>>, WebSocketConfig>> owners() {
        return List.of(
                tune -> {
                    StreamClientConfig.Builder b = StreamClientConfig.builder(BinanceEndpoints.PRODUCTION, CLOCK);
                    tune.apply(b);
                    return b.build();
                },
                tune -> {
                    UserDataStreamConfig.Builder b = UserDataStreamConfig.builder(BinanceEndpoints.PRODUCTION, CLOCK);
                    tune.apply(b);
                    return b.build();
                });
    }

    @Test
    void shouldKeepEachOwnersDefaults() {
        StreamClientConfig market = StreamClientConfig.builder(BinanceEndpoints.PRODUCTION, CLOCK).build();
        UserDataStreamConfig user = UserDataStreamConfig.builder(BinanceEndpoints.PRODUCTION, CLOCK).build();
        assertThat(market.silenceTimeoutNanos()).isEqualTo(30 * S);
        assertThat(user.silenceTimeoutNanos()).as("a quiet user stream carries only pings, every 20 s").isEqualTo(60 * S);
        assertThat(market.maxMessageBytes()).isEqualTo(4 << 20);
        assertThat(user.maxMessageBytes()).isEqualTo(1 << 20);
        for (WebSocketConfig c : List.<WebSocketConfig>of(market, user)) {
            assertThat(c.maxConnectionAgeNanos()).isEqualTo((23 * 3_600 + 50 * 60) * S);
            assertThat(c.initialBackoffNanos()).isEqualTo(S);
            assertThat(c.maxBackoffNanos()).isEqualTo(60 * S);
            assertThat(c.minConnectIntervalNanos()).isEqualTo(S);
            assertThat(c.handshakeTimeoutNanos()).isEqualTo(10 * S);
            assertThat(c.tickIntervalNanos()).isEqualTo(100_000_000L);
            assertThat(c.random()).isNotNull();
            assertThat(c.endpoints()).isSameAs(BinanceEndpoints.PRODUCTION);
            assertThat(c.clock()).isSameAs(CLOCK);
        }
        assertThat(user.keepaliveIntervalNanos()).isEqualTo(30 * 60 * S);
        assertThat(market.controlMessagesPerWindow()).isEqualTo(5);
    }

    @Test
    void shouldKeepSharedSettingsChainedOnTheOwnersBuilder() {
        StreamClientConfig market = StreamClientConfig.builder(BinanceEndpoints.PRODUCTION, CLOCK)
                .silenceTimeout(Duration.ofSeconds(5)).maxStreams(10).backoff(Duration.ofSeconds(2), Duration.ofSeconds(4)).build();
        assertThat(market.silenceTimeoutNanos()).isEqualTo(5 * S);
        assertThat(market.maxStreams()).isEqualTo(10);
        assertThat(market.maxBackoffNanos()).isEqualTo(4 * S);
        UserDataStreamConfig user = UserDataStreamConfig.builder(BinanceEndpoints.PRODUCTION, CLOCK)
                .tickInterval(Duration.ofMillis(20)).keepaliveInterval(Duration.ofMinutes(10)).maxMessageBytes(2048).build();
        assertThat(user.tickIntervalNanos()).isEqualTo(20_000_000L);
        assertThat(user.keepaliveIntervalNanos()).isEqualTo(600 * S);
        assertThat(user.maxMessageBytes()).isEqualTo(2048);
    }

    @Test
    void shouldRefuseWhatBreaksBinancesConnectionRulesForEveryOwner() {
        for (var owner : owners()) {
            assertThatThrownBy(() -> owner.apply(b -> b.maxConnectionAge(Duration.ofHours(24)))).hasMessageContaining("24 hours");
            assertThatThrownBy(() -> owner.apply(b -> b.minConnectInterval(Duration.ofMillis(999))))
                    .hasMessageContaining("minConnectInterval");
            assertThatThrownBy(() -> owner.apply(b -> b.backoff(Duration.ofSeconds(5), Duration.ofSeconds(1))))
                    .hasMessageContaining("maxBackoff");
            assertThatThrownBy(() -> owner.apply(b -> b.silenceTimeout(Duration.ZERO))).hasMessageContaining("silenceTimeout");
            assertThatThrownBy(() -> owner.apply(b -> b.handshakeTimeout(null))).hasMessageContaining("handshakeTimeout");
            assertThatThrownBy(() -> owner.apply(b -> b.maxMessageBytes(1023))).hasMessageContaining("maxMessageBytes");
        }
        assertThatThrownBy(() -> StreamClientConfig.builder(null, CLOCK).build()).hasMessageContaining("endpoints");
        assertThatThrownBy(() -> UserDataStreamConfig.builder(BinanceEndpoints.PRODUCTION, null).build()).hasMessageContaining("clock");
    }

    @Test
    void shouldRefuseEachOwnersOwnRuleBreaks() {
        assertThatThrownBy(() -> StreamClientConfig.builder(BinanceEndpoints.PRODUCTION, CLOCK)
                .controlRate(6, Duration.ofSeconds(1)).build()).hasMessageContaining("controlRate");
        assertThatThrownBy(() -> StreamClientConfig.builder(BinanceEndpoints.PRODUCTION, CLOCK).maxStreams(1025).build())
                .hasMessageContaining("maxStreams");
        assertThatThrownBy(() -> UserDataStreamConfig.builder(BinanceEndpoints.PRODUCTION, CLOCK)
                .keepaliveInterval(Duration.ofMinutes(60)).build()).hasMessageContaining("keepaliveInterval");
        assertThatThrownBy(() -> UserDataStreamConfig.builder(BinanceEndpoints.PRODUCTION, CLOCK)
                .keepaliveRetry(Duration.ofMinutes(61)).build()).hasMessageContaining("keepaliveRetry");
    }
}
