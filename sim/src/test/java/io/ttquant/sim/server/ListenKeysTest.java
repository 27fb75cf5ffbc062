package io.ttquant.sim.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ListenKeysTest {
    @Test
    void shouldReturnTheActiveKeyAndExtendIt() {
        ListenKeys keys = new ListenKeys(1000);
        String k = keys.create("api", 0);
        assertThat(k).hasSize(64);
        assertThat(StreamName.isListenKey(k)).isTrue();
        assertThat(keys.create("api", 900)).isEqualTo(k);
        assertThat(keys.expire(1899)).isEmpty();
        assertThat(keys.expire(1900)).containsExactly(k);
        assertThat(keys.owner(k, 1900)).isNull();
        assertThat(keys.create("api", 2000)).isNotEqualTo(k);
    }

    @Test
    void shouldKeepAliveAndCloseOnlyActiveKeysOfTheirOwner() {
        ListenKeys keys = new ListenKeys(1000);
        String k = keys.create("api", 0);
        assertThat(keys.keepAlive("other", k, 10)).isFalse();
        assertThat(keys.keepAlive("api", k, 999)).isTrue();
        assertThat(keys.owner(k, 1500)).isEqualTo("api");
        assertThat(keys.close("api", k, 1500)).isTrue();
        assertThat(keys.owner(k, 1500)).isNull();
        assertThat(keys.keepAlive("api", k, 1500)).isFalse();
    }
}
