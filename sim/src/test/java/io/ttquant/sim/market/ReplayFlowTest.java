package io.ttquant.sim.market;

import io.ttquant.core.data.FileFormat;
import io.ttquant.core.data.MarketDataSource;
import io.ttquant.core.data.MarketDataSources;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.ttquant.sim.market.Harness.BTC;
import static io.ttquant.sim.market.Harness.T0;
import static io.ttquant.sim.market.Harness.btcQty;
import static io.ttquant.sim.market.Harness.px;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplayFlowTest {
    private static final long FILE_T0 = 1_723_161_240_000L;
    /** id, price, qty, time offset (ms), buyer is maker. */
    private static final Object[][] TAPE = {
            {100L, "60000.00", "0.01000", 0L, false},
            {101L, "60000.50", "0.02000", 250L, false},
            {102L, "59999.00", "0.00500", 250L, true},
            {103L, "59998.00", "0.10000", 1_200L, true},
            {104L, "60002.00", "0.30000", 3_000L, false},
            {105L, "59990.00", "0.05000", 5_000L, true},
    };

    @TempDir
    Path dir;

    private Path writeTape() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Object[] row : TAPE) {
            double quote = Double.parseDouble((String) row[1]) * Double.parseDouble((String) row[2]);
            sb.append(row[0]).append(',').append(row[1]).append("000000,").append(row[2]).append("000,")
                    .append(String.format("%.8f", quote)).append(',').append(FILE_T0 + (long) row[3]).append(',')
                    .append((boolean) row[4] ? "True" : "False").append(",True\n");
        }
        Path file = dir.resolve("BTCUSDT-trades-test.csv");
        Files.writeString(file, sb.toString());
        return file;
    }

    /** Steps the exchange in {@code stepMs} increments up to {@code untilOffsetMs} after T0, checking invariants. */
    private static void run(Harness h, long untilOffsetMs, long stepMs) {
        while (h.now() < T0 + untilOffsetMs) {
            h.advanceMillis(Math.min(stepMs, T0 + untilOffsetMs - h.now()));
            h.ex.advanceTo(h.now());
            h.ex.validateInternalState();
            assertBookSane(h.btc());
        }
    }

    private static void assertBookSane(SymbolMarket m) {
        assertThat(m.bestBid()).isPositive();
        assertThat(m.bestAsk()).isGreaterThan(m.bestBid());
    }

    @Test
    void shouldPrintTheRecordedTradesAtTheMappedTimesAtRealSpeed() throws IOException {
        Harness h = new Harness(SimConfig.builder().flowIntensity(0).replay(BTC, writeTape(), FileFormat.BINANCE_TRADES, 1));
        assertThat(h.btc().referencePrice()).as("starts at the file's first price").isEqualTo(px("60000.00"));
        h.ex.validateInternalState();

        run(h, 6_000, 50);

        assertThat(h.trades).hasSize(TAPE.length);
        for (int i = 0; i < TAPE.length; i++) {
            SimTrade t = h.trades.get(i);
            assertThat(t.id()).as("own trade ids").isEqualTo(i + 1);
            assertThat(t.price()).isEqualTo(px((String) TAPE[i][1]));
            assertThat(t.qty()).isEqualTo(btcQty((String) TAPE[i][2]));
            assertThat(t.timeMillis()).isEqualTo(T0 + (long) TAPE[i][3]);
            assertThat(t.buyerMaker()).isEqualTo(TAPE[i][4]);
        }
        assertThat(h.btc().lastPrice()).isEqualTo(px("59990.00"));
        assertThat(h.btc().book().levelCount(Side.BUY)).isGreaterThanOrEqualTo(5);
        assertThat(h.btc().book().levelCount(Side.SELL)).isGreaterThanOrEqualTo(5);
        assertThat(h.btc().bestAsk() - h.btc().bestBid()).isLessThanOrEqualTo(2 * h.btc().instrument().tickSize());
    }

    @Test
    void shouldPrintTheSameTradesTenTimesSoonerAtSpeedTen() throws IOException {
        Harness h = new Harness(SimConfig.builder().flowIntensity(0).replay(BTC, writeTape(), FileFormat.BINANCE_TRADES, 10));

        run(h, 499, 7);
        assertThat(h.trades).as("the last trade is due at 500 ms").hasSize(TAPE.length - 1);
        run(h, 600, 7);

        assertThat(h.trades).hasSize(TAPE.length);
        for (int i = 0; i < TAPE.length; i++) {
            SimTrade t = h.trades.get(i);
            assertThat(t.price()).isEqualTo(px((String) TAPE[i][1]));
            assertThat(t.qty()).isEqualTo(btcQty((String) TAPE[i][2]));
            assertThat(t.timeMillis()).isEqualTo(T0 + (long) TAPE[i][3] / 10);
        }
    }

    @Test
    void shouldFillAUserBidTheTapeTradesThrough() throws IOException {
        Harness h = new Harness(SimConfig.builder().flowIntensity(0).replay(BTC, writeTape(), FileFormat.BINANCE_TRADES, 1));
        OrderOutcome placed = h.limit(h.alice, Side.BUY, TimeInForce.GTC, "0.01000", "59998.50");
        assertThat(placed.isRejected()).isFalse();
        assertThat(placed.order().status()).isEqualTo(OrderStatus.NEW);
        long btcBefore = h.alice.free("BTC");

        run(h, 1_300, 20);

        SimOrder o = placed.order();
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(o.executedQty()).isEqualTo(btcQty("0.01"));
        assertThat(o.cummulativeQuoteQty()).as("filled at its own, better price").isEqualTo(Harness.cash("599.985"));
        assertThat(h.alice.free("BTC")).isGreaterThan(btcBefore);
        assertThat(h.trades).as("the rest of the recorded sell prints at the recorded price")
                .extracting(SimTrade::price).containsSubsequence(px("59998.50"), px("59998.00"));
        long printedQty = 0;
        for (SimTrade t : h.trades.subList(3, h.trades.size())) {
            printedQty += t.qty();
        }
        assertThat(printedQty).as("the recorded quantity, split between the user and the tape").isEqualTo(btcQty("0.1"));
    }

    @Test
    void shouldStartOverWhenLooping() throws IOException {
        Harness h = new Harness(SimConfig.builder().flowIntensity(0)
                .replay(BTC, writeTape(), FileFormat.BINANCE_TRADES, 1, true));

        run(h, 5_300, 25);

        assertThat(h.trades).hasSize(TAPE.length + 3);
        assertThat(h.trades.get(TAPE.length).price()).isEqualTo(px("60000.00"));
        assertThat(h.trades.get(TAPE.length).timeMillis()).isEqualTo(T0 + 5_001);
        assertThat(h.trades.get(TAPE.length + 2).timeMillis()).isEqualTo(T0 + 5_001 + 250);
    }

    @Test
    void shouldRefuseABadReplayConfiguration() throws IOException {
        Path file = writeTape();
        assertThatThrownBy(() -> SimConfig.builder().replay("XRPUSDT", file, FileFormat.BINANCE_TRADES, 1).build())
                .hasMessageContaining("unknown symbol XRPUSDT");
        assertThatThrownBy(() -> SimConfig.builder().replay(BTC, file, FileFormat.BINANCE_TRADES, 0).build())
                .hasMessageContaining("speed");
        assertThatThrownBy(() -> SimConfig.builder().replay(BTC, file, FileFormat.BINANCE_KLINE, 1).build())
                .hasMessageContaining("trades or aggTrades");
        assertThatThrownBy(() -> SimConfig.builder().replay(BTC, dir.resolve("missing.csv"), FileFormat.BINANCE_TRADES, 1).build())
                .hasMessageContaining("does not exist");
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        assertThatThrownBy(() -> SimConfig.builder().replay(BTC, empty, FileFormat.BINANCE_TRADES, 1).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "TTQUANT_DATA", matches = ".+")
    void shouldFollowARecordedBtcTapeAtSpeedHundred() {
        Path file = Path.of(System.getenv("TTQUANT_DATA"),
                "binance/trades/BTCUSDT-trades-spot-20240808T2354Z-20240809T0005Z.csv");
        long recordedMs = 3 * 60_000L;
        long speed = 100;
        List<long[]> expected = new ArrayList<>();
        try (MarketDataSource s = MarketDataSources.open(file, FileFormat.BINANCE_TRADES, Instruments.binanceSpot(BTC))) {
            long first = Long.MIN_VALUE;
            while (s.advance()) {
                TradeTick t = (TradeTick) s.current();
                if (first == Long.MIN_VALUE) {
                    first = t.exchangeTimeNanos();
                }
                long offsetNanos = t.exchangeTimeNanos() - first;
                if (offsetNanos >= recordedMs * 1_000_000L) {
                    break;
                }
                expected.add(new long[]{offsetNanos / (speed * 1_000_000L), t.price(), t.qty()});
            }
        }
        assertThat(expected).hasSizeGreaterThan(100);
        Harness h = new Harness(SimConfig.builder().flowIntensity(0).replay(BTC, file, FileFormat.BINANCE_TRADES, speed));

        int seen = 0;
        for (long offset = 10; offset < recordedMs / speed; offset += 10) {
            run(h, offset, 10);
            while (seen < expected.size() && expected.get(seen)[0] <= offset) {
                seen++;
            }
            assertThat(h.trades).as("trades by %d ms", offset).hasSize(seen);
            assertThat(h.btc().lastPrice()).as("last price at %d ms", offset).isEqualTo(expected.get(seen - 1)[1]);
        }
        for (int i = 0; i < h.trades.size(); i++) {
            assertThat(h.trades.get(i).price()).isEqualTo(expected.get(i)[1]);
            assertThat(h.trades.get(i).qty()).isEqualTo(expected.get(i)[2]);
            assertThat(h.trades.get(i).timeMillis()).isEqualTo(T0 + expected.get(i)[0]);
        }
    }
}
