package io.ttquant.binance.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ttquant.binance.BinanceEndpoints;
import org.junit.jupiter.api.Test;

/** The base-URL presets and the checks on custom ones. */
class BinanceEndpointsTest {
    @Test
    void shouldOfferProductionTestnetAndSimulatorPresets() {
        assertThat(BinanceEndpoints.PRODUCTION.restBaseUrl()).isEqualTo("https://api.binance.com");
        assertThat(BinanceEndpoints.PRODUCTION.wsBaseUrl()).isEqualTo("wss://stream.binance.com:9443");
        assertThat(BinanceEndpoints.PRODUCTION.wsSecure()).isTrue();
        assertThat(BinanceEndpoints.PRODUCTION.wsPort()).isEqualTo(9443);
        assertThat(BinanceEndpoints.TESTNET.restBaseUrl()).isEqualTo("https://testnet.binance.vision");
        assertThat(BinanceEndpoints.TESTNET.wsBaseUrl()).isEqualTo("wss://stream.testnet.binance.vision");
        assertThat(BinanceEndpoints.TESTNET.wsPort()).isEqualTo(443);
        BinanceEndpoints sim = BinanceEndpoints.simulator(8090);
        assertThat(sim.restBaseUrl()).isEqualTo("http://127.0.0.1:8090");
        assertThat(sim.wsBaseUrl()).isEqualTo("ws://127.0.0.1:8090");
        assertThat(sim.wsSecure()).isFalse();
        assertThat(BinanceEndpoints.named("simulator:8090").wsBaseUrl()).isEqualTo("ws://127.0.0.1:8090");
        assertThat(BinanceEndpoints.named("testnet")).isSameAs(BinanceEndpoints.TESTNET);
    }

    @Test
    void shouldRefuseBaseUrlsWithPathsQueriesCredentialsOrWrongSchemes() {
        assertThatThrownBy(() -> BinanceEndpoints.of("x", "https://h/api", "wss://h")).hasMessageContaining("only scheme, host and port");
        assertThatThrownBy(() -> BinanceEndpoints.of("x", "https://user:pw@h", "wss://h")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BinanceEndpoints.of("x", "wss://h", "wss://h")).hasMessageContaining("http");
        assertThatThrownBy(() -> BinanceEndpoints.of("x", "https://h", "https://h")).hasMessageContaining("ws://");
        assertThatThrownBy(() -> BinanceEndpoints.simulator(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BinanceEndpoints.named("mainnet")).hasMessageContaining("production, testnet or simulator:PORT");
        assertThat(BinanceEndpoints.of("proxy", "https://proxy.local:8443/", "wss://proxy.local").restBaseUrl())
                .isEqualTo("https://proxy.local:8443");
    }
}
