package io.ttquant.sim.server;

import static io.ttquant.sim.server.TestJson.dec;
import static io.ttquant.sim.server.TestJson.list;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.sim.market.SimConfig;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A client keeps a local book from {@code @depth@100ms} and {@code /api/v3/depth} with Binance's
 * documented procedure while the synthetic market trades, and ends up with exactly the server's
 * book.
 */
class DepthSyncTest {
    @Test
    void shouldRebuildTheServerBookFromASnapshotAndDiffs() throws Exception {
        TestClock clock = new TestClock();
        SimConfig config = SimConfig.builder().clock(clock).seed(11).flowIntensity(80).build();
        try (SimServerFixture f = new SimServerFixture(config, SimServerConfig.defaults())) {
            SimServerFixture.Ws ws = f.ws("/ws/btcusdt@depth@100ms");
            List<Map<String, Object>> buffered = new ArrayList<>();
            buffered.add(TestJson.object(ws.next()));
            long firstU = (Long) buffered.get(0).get("U");

            Map<String, Object> snapshot = TestJson.object(f.get("/api/v3/depth?symbol=BTCUSDT&limit=5000").body());
            while ((Long) snapshot.get("lastUpdateId") < firstU) {
                snapshot = TestJson.object(f.get("/api/v3/depth?symbol=BTCUSDT&limit=5000").body());
            }
            LocalBook book = new LocalBook(snapshot);
            boolean first = true;
            int applied = 0;
            while (applied < 20) {
                Map<String, Object> e = buffered.isEmpty() ? TestJson.object(ws.next()) : buffered.remove(0);
                long u = (Long) e.get("u");
                long bigU = (Long) e.get("U");
                if (u <= book.updateId) {
                    continue;
                }
                if (first) {
                    assertThat(bigU).as("first event straddles the snapshot").isLessThanOrEqualTo(book.updateId + 1);
                    first = false;
                } else {
                    assertThat(bigU).as("no gap between events").isEqualTo(book.updateId + 1);
                }
                book.apply(e);
                applied++;
            }

            // Stop the market 150 ms ahead: the changes up to then are drained once more, then the book is still.
            clock.pin(System.currentTimeMillis() + 150);
            long deadline = System.nanoTime() + SimServerFixture.TIMEOUT.toNanos();
            while (true) {
                assertThat(System.nanoTime()).as("book never caught up with a snapshot").isLessThan(deadline);
                Map<String, Object> fresh = TestJson.object(f.get("/api/v3/depth?symbol=BTCUSDT&limit=5000").body());
                long target = (Long) fresh.get("lastUpdateId");
                while (book.updateId < target) {
                    Map<String, Object> e = TestJson.object(ws.next());
                    if ((Long) e.get("u") > book.updateId) {
                        assertThat((Long) e.get("U")).isEqualTo(book.updateId + 1);
                        book.apply(e);
                    }
                }
                if (book.updateId == target) {
                    LocalBook expected = new LocalBook(fresh);
                    assertThat(book.bids).isEqualTo(expected.bids);
                    assertThat(book.asks).isEqualTo(expected.asks);
                    assertThat(book.bids).isNotEmpty();
                    break;
                }
            }
            ws.abort();
        }
    }

    /** A client-side book: price to quantity per side, and the update id it reflects. */
    private static final class LocalBook {
        final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
        final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
        long updateId;

        LocalBook(Map<String, Object> snapshot) {
            updateId = (Long) snapshot.get("lastUpdateId");
            set(bids, list(snapshot.get("bids")));
            set(asks, list(snapshot.get("asks")));
        }

        void apply(Map<String, Object> event) {
            set(bids, list(event.get("b")));
            set(asks, list(event.get("a")));
            updateId = (Long) event.get("u");
        }

        private static void set(TreeMap<BigDecimal, BigDecimal> side, List<Object> levels) {
            for (Object l : levels) {
                BigDecimal price = dec(list(l).get(0)).stripTrailingZeros();
                BigDecimal qty = dec(list(l).get(1));
                if (qty.signum() == 0) {
                    side.remove(price);
                } else {
                    side.put(price, qty);
                }
            }
        }
    }
}
