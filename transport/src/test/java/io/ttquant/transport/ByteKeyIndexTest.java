package io.ttquant.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The byte-keyed index agrees with a HashMap of strings, on slices of larger buffers, through growth. */
class ByteKeyIndexTest {
    @Test
    void shouldAgreeWithAHashMapOfStrings() {
        ByteKeyIndex index = new ByteKeyIndex();
        Map<String, Integer> oracle = new HashMap<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 20_000; n++) {
            String key = "md.binance.S" + random.nextInt(3_000) + ".trade";
            byte[] buffer = ("xx" + key + "yyy").getBytes(StandardCharsets.US_ASCII);
            int found = index.find(buffer, 2, key.length());
            assertThat(found).isEqualTo(oracle.getOrDefault(key, -1));
            if (found < 0) {
                int id = index.findOrAdd(buffer, 2, key.length());
                assertThat(id).isEqualTo(oracle.size());
                oracle.put(key, id);
            }
        }
        assertThat(index.size()).isEqualTo(oracle.size());
        oracle.forEach((key, id) -> assertThat(index.key(id)).isEqualTo(key));
        assertThat(index.find("")).isEqualTo(-1);
        assertThat(index.findOrAdd("")).isEqualTo(oracle.size());
        assertThat(index.find("")).isEqualTo(oracle.size());
    }
}
