package io.ttquant.sim.market;

import io.ttquant.core.order.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.ttquant.sim.market.Harness.BTC;
import static io.ttquant.sim.market.Harness.T0;
import static io.ttquant.sim.market.Harness.btcQty;
import static io.ttquant.sim.market.Harness.cash;
import static io.ttquant.sim.market.Harness.px;
import static org.assertj.core.api.Assertions.assertThat;

class MarketDataTest {
    private final Harness h = new Harness();

    /** One trade at {@code price}: a resting order is put up and taken whole. */
    private void trade(long atMillis, String price, String qty, boolean takerBuys) {
        h.clock.advanceTo(atMillis * 1_000_000L);
        if (takerBuys) {
            h.ask(price, qty);
            h.ex.placeSyntheticMarket(BTC, Side.BUY, qty);
        } else {
            h.bid(price, qty);
            h.ex.placeSyntheticMarket(BTC, Side.SELL, qty);
        }
    }

    @Test
    void shouldGroupConsecutiveFillsOfOneTakerAtOnePriceIntoOneAggTrade() {
        h.advanceMillis(1_000);
        h.ask("60000.00", "0.1");
        h.ask("60000.00", "0.2");
        h.ask("60001.00", "0.1");
        h.ex.placeSyntheticMarket(BTC, Side.BUY, "0.35");
        h.advanceMillis(4_000);
        h.ex.placeSyntheticMarket(BTC, Side.BUY, "0.05");

        assertThat(h.aggTrades).containsExactly(
                new SimAggTrade(1, px("60000.00"), btcQty("0.3"), 1, 2, T0 + 1_000, false),
                new SimAggTrade(2, px("60001.00"), btcQty("0.05"), 3, 3, T0 + 1_000, false),
                new SimAggTrade(3, px("60001.00"), btcQty("0.05"), 4, 4, T0 + 5_000, false));
        assertThat(h.events).containsSubsequence("trade 2", "agg 1", "trade 3", "agg 2", "trade 4", "agg 3");
        SymbolMarket m = h.btc();
        assertThat(m.aggTrades(null, null, null, 500)).isEqualTo(h.aggTrades);
        assertThat(m.aggTrades(null, null, null, 1)).extracting(SimAggTrade::aggId).containsExactly(3L);
        assertThat(m.aggTrades(2L, null, null, 500)).extracting(SimAggTrade::aggId).containsExactly(2L, 3L);
        assertThat(m.aggTrades(null, T0 + 2_000, null, 500)).extracting(SimAggTrade::aggId).containsExactly(3L);
        assertThat(m.aggTrades(null, null, T0 + 2_000, 500)).extracting(SimAggTrade::aggId).containsExactly(1L, 2L);
        assertThat(m.aggTrades(null, T0, T0 + 1_000, 1)).extracting(SimAggTrade::aggId).containsExactly(1L);
    }

    @Test
    void shouldRefuseAnAggTradesWindowLongerThanOneHour() {
        assertThat(SymbolMarket.checkAggTradesQuery(null, T0, T0 + 3_600_000)).isNull();
        Rejection r = SymbolMarket.checkAggTradesQuery(null, T0, T0 + 3_600_001);
        assertThat(r.code()).isEqualTo(-1127);
        assertThat(r.message()).isEqualTo("More than 1 hours between startTime and endTime.");
    }

    @Test
    void shouldListRecentTradesOldestFirstWithContiguousIds() {
        trade(T0 + 1_000, "60000.00", "0.1", true);
        trade(T0 + 2_000, "59990.00", "0.2", false);
        trade(T0 + 3_000, "60010.00", "0.3", true);

        assertThat(h.btc().recentTrades(2)).containsExactly(
                new SimTrade(2, px("59990.00"), btcQty("0.2"), cash("11998"), T0 + 2_000, true),
                new SimTrade(3, px("60010.00"), btcQty("0.3"), cash("18003"), T0 + 3_000, false));
        assertThat(h.btc().historicalTrades(1L, 1)).extracting(SimTrade::id).containsExactly(1L);
        assertThat(h.trades).extracting(SimTrade::id).containsExactly(1L, 2L, 3L);
    }

    @Test
    void shouldAggregateOneMinuteKlinesIntoFiveMinuteAndHourKlines() {
        long hour = (T0 / 3_600_000L + 1) * 3_600_000L;
        trade(hour + 10_000, "60000.00", "0.1", true);
        trade(hour + 70_000, "60010.00", "0.2", false);
        trade(hour + 130_000, "59990.00", "0.3", true);
        trade(hour + 150_000, "60020.00", "0.1", true);
        trade(hour + 310_000, "60005.00", "0.05", false);
        trade(hour + 3_650_000, "60100.00", "0.1", true);
        h.clock.advanceTo((hour + 3_700_000) * 1_000_000L);
        h.ex.advanceTo(h.now());

        List<Kline> five = h.btc().klines("5m", hour, null, 2);
        assertThat(five).containsExactly(
                new Kline(hour, px("60000.00"), px("60020.00"), px("59990.00"), px("60020.00"), btcQty("0.7"),
                        hour + 299_999, cash("42001"), 4, btcQty("0.5"), cash("29999"), 1, 4),
                new Kline(hour + 300_000, px("60005.00"), px("60005.00"), px("60005.00"), px("60005.00"), btcQty("0.05"),
                        hour + 599_999, cash("3000.25"), 1, 0, 0, 5, 5));

        List<Kline> hours = h.btc().klines("1h", hour, null, 10);
        assertThat(hours).hasSize(2);
        assertThat(hours.get(0)).isEqualTo(new Kline(hour, px("60000.00"), px("60020.00"), px("59990.00"), px("60005.00"),
                btcQty("0.75"), hour + 3_599_999, cash("45001.25"), 5, btcQty("0.5"), cash("29999"), 1, 5));
        assertThat(hours.get(1).open()).isEqualTo(px("60100.00"));
        assertThat(hours.get(1).trades()).isEqualTo(1);

        List<Kline> oneMinute = h.btc().klines("1m", null, null, 3);
        assertThat(oneMinute).extracting(Kline::openTime).containsExactly(hour + 59 * 60_000L, hour + 60 * 60_000L, hour + 61 * 60_000L);
        assertThat(oneMinute.get(0).trades()).isZero();
        assertThat(oneMinute.get(0).close()).as("a minute without trades repeats the close").isEqualTo(px("60005.00"));
        assertThat(h.btc().currentKline1m()).isEqualTo(oneMinute.get(2));
        assertThat(h.btc().klines("1m", hour, hour + 120_000, 500)).hasSize(3);
        assertThat(h.btc().klines("1m", hour + 1, hour + 120_000, 500)).as("open time at or after startTime").hasSize(2);
        assertThat(h.btc().klines("5m", null, hour + 300_000, 2)).extracting(Kline::openTime).containsExactly(hour, hour + 300_000);
        assertThat(h.closedKlines).extracting(Kline::openTime).contains(hour, hour + 60_000L, hour + 60 * 60_000L);
        assertThat(SymbolMarket.checkKlinesQuery("7m").code()).isEqualTo(-1120);
        assertThat(SymbolMarket.checkKlinesQuery("1M")).isNull();
    }

    @Test
    void shouldAlignWeeklyKlinesToMondayAndMonthlyToTheFirst() {
        long monday = 1_699_833_600_000L; // 2023-11-13T00:00Z, a Monday
        assertThat(KlineInterval.W1.floor(monday + 3 * 86_400_000L)).isEqualTo(monday);
        assertThat(KlineInterval.MO1.floor(monday)).isEqualTo(1_698_796_800_000L); // 2023-11-01T00:00Z
        assertThat(KlineInterval.MO1.next(1_698_796_800_000L)).isEqualTo(1_701_388_800_000L); // 2023-12-01T00:00Z
        assertThat(KlineInterval.D1.ceil(monday + 1)).isEqualTo(monday + 86_400_000L);
    }

    @Test
    void shouldComputeTheRolling24HourTicker() {
        h.bid("59000.00", "1");
        h.ask("62000.00", "2");
        trade(T0 + 1_000, "60000.00", "0.1", true);
        trade(T0 + 43_200_000, "61000.00", "0.2", true);
        h.clock.advanceTo((T0 + 46_800_000) * 1_000_000L);

        Ticker24h t = h.btc().ticker24h();
        assertThat(t.openPrice()).isEqualTo(px("60000.00"));
        assertThat(t.highPrice()).isEqualTo(px("61000.00"));
        assertThat(t.lowPrice()).isEqualTo(px("60000.00"));
        assertThat(t.lastPrice()).isEqualTo(px("61000.00"));
        assertThat(t.lastQty()).isEqualTo(btcQty("0.2"));
        assertThat(t.priceChange()).isEqualTo(px("1000.00"));
        assertThat(t.priceChangePercent()).isEqualTo(new BigDecimal("1.667"));
        assertThat(t.volume()).isEqualTo(btcQty("0.3"));
        assertThat(t.quoteVolume()).isEqualTo(cash("18200"));
        assertThat(t.weightedAvgPrice()).isEqualTo(cash("60666.66666667"));
        assertThat(t.firstId()).isEqualTo(1);
        assertThat(t.lastId()).isEqualTo(2);
        assertThat(t.count()).isEqualTo(2);
        assertThat(t.bidPrice()).isEqualTo(px("59000.00"));
        assertThat(t.askQty()).isEqualTo(btcQty("2"));
        assertThat(t.closeTime()).isEqualTo(T0 + 46_800_000);
        assertThat(t.openTime()).isEqualTo(T0 + 46_800_000 - 86_400_000);

        h.clock.advanceTo((T0 + 86_401_500) * 1_000_000L);
        Ticker24h later = h.btc().ticker24h();
        assertThat(later.openPrice()).isEqualTo(px("61000.00"));
        assertThat(later.prevClosePrice()).isEqualTo(px("60000.00"));
        assertThat(later.firstId()).isEqualTo(2);
        assertThat(later.count()).isEqualTo(1);
        assertThat(later.priceChangePercent()).isEqualTo(new BigDecimal("0.000"));

        h.clock.advanceTo((T0 + 3 * 86_400_000L) * 1_000_000L);
        h.ex.advanceTo(h.now());
        Ticker24h quiet = h.btc().ticker24h();
        assertThat(quiet.count()).isZero();
        assertThat(quiet.firstId()).isEqualTo(-1);
        assertThat(quiet.volume()).isZero();
        assertThat(quiet.openPrice()).isEqualTo(px("61000.00"));
    }

    @Test
    void shouldAverageTheLastFiveMinutesForAvgPrice() {
        trade(T0 + 1_000, "60000.00", "0.1", true);
        trade(T0 + 2_000, "61000.00", "0.3", true);
        assertThat(h.btc().avgPrice5m()).isEqualTo(cash("60750"));

        h.clock.advanceTo((T0 + 400_000) * 1_000_000L);
        assertThat(h.btc().avgPrice5m()).as("last price when no trade in 5 minutes").isEqualTo(cash("61000"));
    }

    @Test
    void shouldSnapshotTheBookWithItsUpdateId() {
        h.bid("59999.00", "1");
        h.bid("59998.00", "2");
        h.ask("60001.00", "3");

        DepthSnapshot d = h.btc().depth(5);
        assertThat(d.lastUpdateId()).isEqualTo(3);
        assertThat(d.bids()).containsExactly(new DepthLevel(px("59999.00"), btcQty("1")), new DepthLevel(px("59998.00"), btcQty("2")));
        assertThat(d.asks()).containsExactly(new DepthLevel(px("60001.00"), btcQty("3")));
    }
}
