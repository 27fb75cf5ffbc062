package io.ttquant.app.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The recent trade ids agree with a plain set of the last N keys, through evictions and probe-chain repairs. */
class RecentTradesTest {
    @Test
    void shouldRememberExactlyTheLastCapacityTradesPerInstrument() {
        int capacity = 100;
        RecentTrades trades = new RecentTrades(capacity);
        ArrayDeque<String> order = new ArrayDeque<>();
        Set<String> oracle = new HashSet<>();
        SplittableRandom r = new SplittableRandom(3);
        for (int n = 0; n < 200_000; n++) {
            int ins = r.nextInt(3);
            long id = r.nextLong(400); // small ranges: many repeats and long probe chains
            String key = ins + "/" + id;
            boolean added = trades.add(ins, id);
            assertThat(added).as("add %s at step %d", key, n).isEqualTo(!oracle.contains(key));
            if (added) {
                if (order.size() == capacity) {
                    oracle.remove(order.removeFirst());
                }
                order.addLast(key);
                oracle.add(key);
            }
            int probeIns = r.nextInt(3);
            long probe = r.nextLong(400);
            assertThat(trades.contains(probeIns, probe)).isEqualTo(oracle.contains(probeIns + "/" + probe));
        }
        assertThat(trades.size()).isEqualTo(capacity);
    }
}
