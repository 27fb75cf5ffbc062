package io.ttquant.core.exchange;

import static io.ttquant.core.exchange.ExchangeHarness.MINUTE;
import static io.ttquant.core.exchange.ExchangeHarness.MS;
import static io.ttquant.core.exchange.ExchangeHarness.T0;
import static io.ttquant.core.exchange.ExchangeHarness.px;
import static io.ttquant.core.exchange.ExchangeHarness.qty;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.order.Fill;
import io.ttquant.core.order.LiquiditySide;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderStatus;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import org.junit.jupiter.api.Test;

class MarketOrderTest {

    @Test
    void shouldFillMarketBuyAtAskPlusBpsSlippageWithTakerFee() {
        ExchangeHarness h = new ExchangeHarness(ExchangeHarness.config().takerFeePpm(750).makerFeePpm(100)
                .slippage(SlippageModel.bps(5)));
        h.quote(T0, "49999.99", "3", "50000.00", "2");

        Order o = h.place(T0 + MS, h.market(Side.BUY, "0.5"));

        assertThat(h.events(o)).containsExactly("ACCEPTED", "FILL 0.5@50025 TAKER", "FILLED");
        Fill f = h.fills.get(0);
        assertThat(f.price()).isEqualTo(5_002_500L);              // 50000.00 + 5 bps = 50025.00
        assertThat(f.qty()).isEqualTo(500L);
        assertThat(f.notional()).isEqualTo(2_501_250_000_000L);    // 25012.5 at 1e-8
        assertThat(f.fee()).isEqualTo(1_875_937_500L);             // 7.5 bps = 18.759375 USDT
        assertThat(f.feeAsset()).isEqualTo("USDT");
        assertThat(f.liquidity()).isEqualTo(LiquiditySide.TAKER);
        assertThat(f.tradeId()).isEqualTo(1L);
        assertThat(f.timeNanos()).isEqualTo(T0 + MS);
        assertThat(o.feesPaid()).isEqualTo(1_875_937_500L);
        assertThat(h.ex.openOrderCount()).isZero();
    }

    @Test
    void shouldFillMarketSellAtBidMinusSlippageRoundedDownToTheTick() {
        ExchangeHarness h = new ExchangeHarness(ExchangeHarness.config().takerFeePpm(750).slippage(SlippageModel.bps(3)));
        h.quote(T0, "49999.99", "3", "50000.00", "2");

        Order o = h.place(T0, h.market(Side.SELL, "0.25"));

        Fill f = h.fills(o).get(0);
        // 49999.99 * 3 bps = 14.9999997 -> adverse: floor(49999.99 - 14.9999997) = 49984.99
        assertThat(f.price()).isEqualTo(4_998_499L);
        assertThat(f.fee()).isEqualTo(937_218_563L);               // 750 ppm of 12496.2475, half-up at 1e-8
    }

    @Test
    void shouldWalkThreeLevelBookOneFillPerLevelWithoutDepletingTheBook() {
        ExchangeHarness h = new ExchangeHarness(ExchangeHarness.config().slippage(SlippageModel.bps(50)));
        h.book(T0, true, new String[] {"99.90:4"}, new String[] {"100.00:0.5", "100.50:1", "101.00:2"});

        Order o = h.place(T0, h.market(Side.BUY, "2"));

        // No extra slippage on a book walk: the levels are the impact.
        assertThat(h.events(o)).containsExactly("ACCEPTED",
                "FILL 0.5@100 TAKER", "PARTIALLY_FILLED",
                "FILL 1@100.5 TAKER", "PARTIALLY_FILLED",
                "FILL 0.5@101 TAKER", "FILLED");
        assertThat(h.ex.book(ExchangeHarness.BTC).askQty(0)).isEqualTo(qty("0.5"));

        Order again = h.place(T0 + MS, h.market(Side.BUY, "0.5"));
        assertThat(h.events(again)).containsExactly("ACCEPTED", "FILL 0.5@100 TAKER", "FILLED");
    }

    @Test
    void shouldExpireMarketRemainderWithNoLiquidityWhenTheBookRunsOut() {
        ExchangeHarness h = new ExchangeHarness(ExchangeHarness.config());
        h.book(T0, true, new String[] {"99.90:4"}, new String[] {"100.00:0.5", "100.50:1", "101.00:2"});

        Order o = h.place(T0, h.market(Side.BUY, "5"));

        assertThat(h.events(o)).containsExactly("ACCEPTED",
                "FILL 0.5@100 TAKER", "PARTIALLY_FILLED",
                "FILL 1@100.5 TAKER", "PARTIALLY_FILLED",
                "FILL 2@101 TAKER", "PARTIALLY_FILLED",
                "EXPIRED NO_LIQUIDITY");
        assertThat(o.filledQty()).isEqualTo(qty("3.5"));
        assertThat(h.ex.openOrderCount()).isZero();
    }

    @Test
    void shouldExpireMarketOrderWhenTheBookSideIsEmpty() {
        ExchangeHarness h = new ExchangeHarness(ExchangeHarness.config());
        h.book(T0, true, new String[] {"99.90:4"}, new String[] {});

        Order o = h.place(T0, h.market(Side.BUY, "1"));

        assertThat(h.events(o)).containsExactly("ACCEPTED", "EXPIRED NO_LIQUIDITY");
    }

    @Test
    void shouldRejectMarketOrderWhenNoPriceIsKnown() {
        ExchangeHarness h = new ExchangeHarness(ExchangeHarness.config());

        Order o = h.place(T0, h.market(Side.BUY, "1"));

        assertThat(h.events(o)).containsExactly("REJECTED NO_MARKET_PRICE");
        assertThat(o.reason()).isEqualTo(RejectReason.NO_MARKET_PRICE);
    }

    @Test
    void shouldRejectMarketOrderBelowMinimumNotionalAtTheCurrentPrice() {
        ExchangeHarness h = new ExchangeHarness(ExchangeHarness.config());
        io.ttquant.core.instrument.Instrument eth = io.ttquant.core.instrument.Instrument.builder("ETHUSDT")
                .tickSize("0.01").stepSize("0.001").minNotional("5").build();
        h.ex.addInstrument(eth);
        h.ex.onMarketEvent(new io.ttquant.core.marketdata.QuoteTick().set(eth, T0, T0, eth.price("2000"), 1000,
                eth.price("2000.01"), 1000));
        Order o = new Order(99, "small", "s1", eth, Side.BUY, io.ttquant.core.order.OrderType.MARKET, TimeInForce.GTC,
                eth.qty("0.001"), 0, 0, false, T0);

        h.place(T0, o);

        assertThat(h.events(o)).containsExactly("REJECTED NOTIONAL_BELOW_MIN");
    }

    @Test
    void shouldFillMarketOrderAtNextBarOpenInNextOpenMode() {
        ExchangeHarness h = new ExchangeHarness(ExchangeHarness.config().barFillMode(BarFillMode.NEXT_OPEN)
                .slippage(SlippageModel.fixedTicks(2)));
        h.bar(T0, MINUTE, "100", "102", "99", "101", "10");

        Order o = h.place(T0 + MINUTE, h.market(Side.BUY, "1"));
        assertThat(h.events(o)).containsExactly("ACCEPTED");
        assertThat(h.ex.openOrderCount()).isEqualTo(1);

        h.bar(T0 + MINUTE, MINUTE, "101.50", "103", "101", "102", "10");

        assertThat(h.events(o)).containsExactly("ACCEPTED", "FILL 1@101.52 TAKER", "FILLED");
        assertThat(h.fills(o).get(0).timeNanos()).isEqualTo(T0 + MINUTE);   // the next bar's open time
    }

    @Test
    void shouldFillMarketOrderAtTheBarCloseInCloseMode() {
        ExchangeHarness h = new ExchangeHarness(ExchangeHarness.config().barFillMode(BarFillMode.CLOSE)
                .slippage(SlippageModel.fixedTicks(2)));
        h.bar(T0, MINUTE, "100", "102", "99", "101", "10");

        Order o = h.place(T0 + MINUTE, h.market(Side.SELL, "1"));

        assertThat(h.events(o)).containsExactly("ACCEPTED", "FILL 1@100.98 TAKER", "FILLED");
        assertThat(h.fills(o).get(0).timeNanos()).isEqualTo(T0 + MINUTE);
    }

    @Test
    void shouldFillAtTheMovedPriceWhenTheMarketMovesDuringTheLatency() {
        ExchangeHarness h = new ExchangeHarness(ExchangeHarness.config().latency(LatencyModel.constant(2 * MS)));
        h.quote(T0, "99.99", "1", "100.00", "1");

        Order o = h.submit(T0, h.market(Side.BUY, "1"));
        assertThat(h.ex.nextEventTime()).isEqualTo(T0 + 2 * MS);
        h.quote(T0 + MS, "100.99", "1", "101.00", "1");
        assertThat(h.events(o)).isEmpty();
        assertThat(o.status()).isEqualTo(OrderStatus.NEW);

        h.advance(T0 + 2 * MS);

        assertThat(h.events(o)).containsExactly("ACCEPTED", "FILL 1@101 TAKER", "FILLED");
        assertThat(h.fills(o).get(0).timeNanos()).isEqualTo(T0 + 2 * MS);
        assertThat(h.ex.nextEventTime()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void shouldMeetTheMarketAsItWasBeforeAnEventAtTheArrivalTime() {
        ExchangeHarness h = new ExchangeHarness(ExchangeHarness.config().latency(LatencyModel.constant(2 * MS)));
        h.quote(T0, "99.99", "1", "100.00", "1");
        Order o = h.submit(T0, h.market(Side.BUY, "1"));

        h.quote(T0 + 2 * MS, "104.99", "1", "105.00", "1");   // same time as the arrival: the order goes first

        assertThat(h.events(o)).containsExactly("ACCEPTED", "FILL 1@100 TAKER", "FILLED");
    }

    @Test
    void shouldFillAtLastTradePlusSlippageWhenOnlyTradesAreKnown() {
        ExchangeHarness h = new ExchangeHarness(ExchangeHarness.config().slippage(SlippageModel.fixedTicks(3)));
        h.trade(T0, "250.00", "0.1", Side.BUY);

        Order buy = h.place(T0, h.market(Side.BUY, "2"));
        Order sell = h.place(T0, h.market(Side.SELL, "2"));

        assertThat(h.events(buy)).containsExactly("ACCEPTED", "FILL 2@250.03 TAKER", "FILLED");
        assertThat(h.events(sell)).containsExactly("ACCEPTED", "FILL 2@249.97 TAKER", "FILLED");
        assertThat(h.fills.get(1).tradeId()).isEqualTo(2L);
    }

    @Test
    void shouldDeliverMessagesInSendOrderWithSeededRandomLatency() {
        ExchangeConfig cfg = ExchangeHarness.config().latency(LatencyModel.uniformRandom(MS, 10 * MS, 42)).build();
        long[] first = arrivalTimes(cfg);
        long[] second = arrivalTimes(cfg);

        assertThat(second).containsExactly(first);
        for (int i = 1; i < first.length; i++) {
            assertThat(first[i]).isGreaterThanOrEqualTo(first[i - 1]);
        }
        assertThat(first[0]).isBetween(T0 + MS, T0 + 10 * MS);
    }

    private static long[] arrivalTimes(ExchangeConfig cfg) {
        ExchangeHarness h = new ExchangeHarness(cfg);
        h.quote(T0, "99.99", "1", "100.00", "1");
        Order[] orders = new Order[20];
        for (int i = 0; i < orders.length; i++) {
            orders[i] = h.submit(T0 + i * 100_000L, h.limit(Side.BUY, "1", "90"));
        }
        h.advance(T0 + 100 * MS);
        long[] times = new long[orders.length];
        for (int i = 0; i < orders.length; i++) {
            assertThat(orders[i].status()).isEqualTo(OrderStatus.ACCEPTED);
            times[i] = orders[i].updatedNanos();
        }
        return times;
    }
}
