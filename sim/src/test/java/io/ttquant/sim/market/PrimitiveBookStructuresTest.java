package io.ttquant.sim.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.order.Side;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The book's primitive structures against the JDK collections they replace, as independent
 * oracles, under long random sequences: the order index ({@link LongObjectMap}, with deletions
 * that shift probe runs back), the price ladders ({@link LevelLadder}) and the changed-level
 * record of depth diffs ({@link PriceChanges}).
 */
class PrimitiveBookStructuresTest {
    @Test
    void shouldAgreeWithAHashMapUnderRandomPutsAndRemovals() {
        SplittableRandom r = new SplittableRandom(1);
        LongObjectMap<String> map = new LongObjectMap<>(4);
        Map<Long, String> oracle = new HashMap<>();
        for (int step = 0; step < 200_000; step++) {
            long key = 1 + r.nextInt(3_000);
            int op = r.nextInt(10);
            if (op < 4) {
                String v = "v" + step;
                assertThat(map.put(key, v)).isEqualTo(oracle.put(key, v));
            } else if (op < 5) {
                String v = "w" + step;
                boolean absent = !oracle.containsKey(key);
                assertThat(map.putIfAbsent(key, v)).isEqualTo(absent);
                oracle.putIfAbsent(key, v);
            } else if (op < 8) {
                assertThat(map.remove(key)).isEqualTo(oracle.remove(key));
            } else {
                assertThat(map.get(key)).isEqualTo(oracle.get(key));
            }
            assertThat(map.size()).isEqualTo(oracle.size());
        }
        for (long key = 1; key <= 3_000; key++) {
            assertThat(map.get(key)).isEqualTo(oracle.get(key));
        }
    }

    @Test
    void shouldKeepLevelsInTheOrderOfASortedMap() {
        for (Side side : Side.values()) {
            SplittableRandom r = new SplittableRandom(side.ordinal() + 5);
            LevelLadder ladder = new LevelLadder(side);
            TreeMap<Long, LimitOrderBook.Level> oracle = side == Side.BUY ? new TreeMap<>(Comparator.reverseOrder()) : new TreeMap<>();
            for (int step = 0; step < 50_000; step++) {
                long price = 1 + r.nextInt(500);
                if (r.nextBoolean()) {
                    if (!oracle.containsKey(price)) {
                        LimitOrderBook.Level l = new LimitOrderBook.Level(price, side);
                        ladder.add(l);
                        oracle.put(price, l);
                    }
                } else {
                    assertThat(ladder.remove(price)).isEqualTo(oracle.remove(price) != null);
                }
                assertThat(ladder.size()).isEqualTo(oracle.size());
                assertThat(ladder.best()).isEqualTo(oracle.isEmpty() ? null : oracle.firstEntry().getValue());
                assertThat(ladder.worst()).isEqualTo(oracle.isEmpty() ? null : oracle.lastEntry().getValue());
                assertThat(ladder.get(price)).isEqualTo(oracle.get(price));
            }
            List<LimitOrderBook.Level> inOrder = new ArrayList<>();
            for (int k = 0; k < ladder.size(); k++) {
                inOrder.add(ladder.fromBest(k));
            }
            assertThat(inOrder).containsExactlyElementsOf(oracle.values());
        }
    }

    @Test
    void shouldDrainTheLastQuantityOfEveryChangedPriceBestFirst() {
        SplittableRandom r = new SplittableRandom(3);
        PriceChanges changes = new PriceChanges();
        for (int round = 0; round < 50; round++) {
            TreeMap<Long, Long> oracle = new TreeMap<>();
            int n = r.nextInt(2_000);
            for (int i = 0; i < n; i++) {
                long price = 1 + r.nextInt(1_000);
                long qty = r.nextInt(5);
                changes.put(price, qty);
                oracle.put(price, qty);
            }
            boolean bids = r.nextBoolean();
            List<DepthLevel> expected = new ArrayList<>();
            for (Map.Entry<Long, Long> e : (bids ? oracle.descendingMap() : oracle).entrySet()) {
                expected.add(new DepthLevel(e.getKey(), e.getValue()));
            }
            assertThat(changes.size()).isEqualTo(oracle.size());
            assertThat(changes.drain(bids)).isEqualTo(expected);
            assertThat(changes.size()).isZero();
        }
    }
}
