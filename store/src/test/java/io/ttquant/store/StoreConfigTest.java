package io.ttquant.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StoreConfigTest {
    @Test
    void toStringNeverShowsThePasswordOrUrlParameters() {
        StoreConfig c = StoreConfig.postgres("jdbc:postgresql://127.0.0.1:5432/test?user=u&password=hunter2", "u", "hunter2", "public");
        assertThat(c.toString()).doesNotContain("hunter2").contains("jdbc:postgresql://127.0.0.1:5432/test");
        StoreConfig d = StoreConfig.postgres("jdbc:postgresql://u:hunter2@127.0.0.1/test", "u", "hunter2", "public");
        assertThat(d.toString()).doesNotContain("hunter2");
    }

    @Test
    void schemaMustBeAPlainIdentifier() {
        assertThatThrownBy(() -> StoreConfig.postgres("jdbc:postgresql://127.0.0.1/test", "u", null, "x; drop table orders"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema");
    }
}
