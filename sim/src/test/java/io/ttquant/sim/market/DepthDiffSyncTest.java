package io.ttquant.sim.market;

import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.Side;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static io.ttquant.sim.market.Harness.BTC;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that follows Binance's "how to manage a local order book" rules with snapshots taken
 * at random moments must end up with exactly the engine's book after every diff.
 */
class DepthDiffSyncTest {
    /** Binance's documented procedure, step by step. */
    private static final class Client {
        final List<DepthDiff> buffered = new ArrayList<>();
        final TreeMap<Long, Long> bids = new TreeMap<>(Comparator.reverseOrder());
        final TreeMap<Long, Long> asks = new TreeMap<>();
        long snapshotId = -1;
        long previousU = -1;
        int applied;

        void onDiff(DepthDiff d) {
            if (snapshotId < 0) {
                buffered.add(d);
            } else {
                process(d);
            }
        }

        void onSnapshot(DepthSnapshot s) {
            snapshotId = s.lastUpdateId();
            s.bids().forEach(l -> bids.put(l.price(), l.qty()));
            s.asks().forEach(l -> asks.put(l.price(), l.qty()));
            buffered.forEach(this::process);
            buffered.clear();
        }

        boolean synced() {
            return previousU >= 0;
        }

        private void process(DepthDiff d) {
            if (!synced()) {
                if (d.finalUpdateId() <= snapshotId) {
                    return;
                }
                assertThat(d.firstUpdateId()).as("first event straddles the snapshot").isLessThanOrEqualTo(snapshotId + 1);
                assertThat(d.finalUpdateId()).isGreaterThanOrEqualTo(snapshotId + 1);
            } else {
                assertThat(d.firstUpdateId()).as("U == previous u + 1").isEqualTo(previousU + 1);
            }
            d.bids().forEach(l -> apply(bids, l));
            d.asks().forEach(l -> apply(asks, l));
            previousU = d.finalUpdateId();
            applied++;
        }

        private static void apply(TreeMap<Long, Long> side, DepthLevel l) {
            if (l.qty() == 0) {
                side.remove(l.price());
            } else {
                side.put(l.price(), l.qty());
            }
        }
    }

    @Test
    void shouldLetAClientRebuildTheBookFromASnapshotAndDiffsByBinancesRules() {
        Harness h = new Harness(SimConfig.builder().flowIntensity(300).seed(11));
        SymbolMarket m = h.btc();
        SplittableRandom r = new SplittableRandom(3);
        List<Client> clients = new ArrayList<>();
        List<Client> waitingForSnapshot = new ArrayList<>();
        long previousU = 0;
        int diffs = 0;
        int comparisons = 0;

        for (int step = 1; step <= 6_000; step++) {
            h.advanceMillis(5);
            h.ex.advanceTo(h.now());
            if (r.nextInt(8) == 0) {
                userAction(h, r);
            }
            if (r.nextInt(150) == 0) {
                Client c = new Client();
                clients.add(c);
                waitingForSnapshot.add(c);
            }
            if (!waitingForSnapshot.isEmpty() && r.nextInt(10) == 0) {
                Client c = waitingForSnapshot.remove(0);
                c.onSnapshot(m.depth(5_000));
            }
            if (step % 20 == 0) {
                DepthDiff d = m.drainDepthDiff(h.now());
                if (d == null) {
                    continue;
                }
                assertThat(d.firstUpdateId()).isEqualTo(previousU + 1);
                assertThat(d.finalUpdateId()).isEqualTo(m.lastUpdateId());
                previousU = d.finalUpdateId();
                diffs++;
                for (Client c : clients) {
                    c.onDiff(d);
                    if (c.synced()) {
                        assertThat(c.bids).isEqualTo(levels(m, Side.BUY));
                        assertThat(c.asks).isEqualTo(levels(m, Side.SELL));
                        comparisons++;
                    }
                }
                h.ex.validateInternalState();
            }
        }
        assertThat(diffs).isGreaterThan(250);
        assertThat(clients.stream().filter(Client::synced).count()).isGreaterThanOrEqualTo(10);
        assertThat(comparisons).isGreaterThan(1_000);
        assertThat(m.lastTradeId()).isGreaterThan(100);
    }

    private static TreeMap<Long, Long> levels(SymbolMarket m, Side side) {
        TreeMap<Long, Long> out = side == Side.BUY ? new TreeMap<>(Comparator.reverseOrder()) : new TreeMap<>();
        m.book().depth(side, Integer.MAX_VALUE).forEach(l -> out.put(l.price(), l.qty()));
        return out;
    }

    private static void userAction(Harness h, SplittableRandom r) {
        SymbolMarket m = h.btc();
        List<SimOrder> open = h.ex.openOrders(h.alice, BTC);
        if (!open.isEmpty() && r.nextInt(3) == 0) {
            h.ex.cancel(h.alice, BTC, open.get(r.nextInt(open.size())).orderId(), null);
            return;
        }
        long mid = (m.bestBid() + m.bestAsk()) / 2;
        long price = mid + (r.nextInt(41) - 20) * m.instrument().tickSize();
        Side side = r.nextBoolean() ? Side.BUY : Side.SELL;
        h.ex.newOrder(h.alice, OrderRequest.limit(BTC, side, TimeInForce.GTC, "0.001", Fixed.format(price, 2)));
    }
}
