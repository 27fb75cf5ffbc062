package io.ttquant.sim.market;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.order.Side;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static io.ttquant.sim.market.LimitOrderBook.UNLIMITED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LimitOrderBookTest {
    private final Instrument btc = Instruments.binanceSpot("BTCUSDT");
    private final LimitOrderBook book = new LimitOrderBook(btc);
    private final List<String> fills = new ArrayList<>();
    private final LimitOrderBook.MatchHandler recorder = new LimitOrderBook.MatchHandler() {
        @Override
        public void onFill(RestingOrder maker, long price, long qty, long quoteQty, boolean makerDone) {
            fills.add(maker.orderId() + ":" + qty + "@" + price + (makerDone ? " done" : ""));
        }

        @Override
        public void onMakerExpired(RestingOrder maker, long expiredQty) {
            fills.add(maker.orderId() + ":expired " + expiredQty);
        }
    };

    private long p(String s) {
        return btc.price(s);
    }

    private long q(String s) {
        return btc.qty(s);
    }

    @Test
    void shouldMatchBestPriceFirstThenTimePriorityWithinALevel() {
        book.add(1, Side.SELL, p("100.02"), q("1"), 0);
        book.add(2, Side.SELL, p("100.01"), q("1"), 0);
        book.add(3, Side.SELL, p("100.01"), q("1"), 0);
        book.add(4, Side.SELL, p("100.03"), q("1"), 0);

        LimitOrderBook.MatchResult r = book.match(Side.BUY, 0, q("2.5"), UNLIMITED, 0, SelfTradePreventionMode.NONE, recorder);

        assertThat(fills).containsExactly("2:100000@10001 done", "3:100000@10001 done", "1:50000@10002");
        assertThat(r.executedQty()).isEqualTo(q("2.5"));
        assertThat(r.executedQuote()).isEqualTo(Harness.cash("250.03"));
        assertThat(r.reason()).isEqualTo(LimitOrderBook.StopReason.FILLED);
        assertThat(book.bestAsk()).isEqualTo(p("100.02"));
        assertThat(book.bestAskQty()).isEqualTo(q("0.5"));
        book.validateInternalState();
    }

    @Test
    void shouldKeepPartiallyFilledMakerAtTheFrontOfItsQueue() {
        book.add(1, Side.BUY, p("99"), q("2"), 0);
        book.add(2, Side.BUY, p("99"), q("1"), 0);

        book.match(Side.SELL, 0, q("0.5"), UNLIMITED, 0, SelfTradePreventionMode.NONE, recorder);

        assertThat(book.ordersAt(Side.BUY, p("99"))).extracting(RestingOrder::orderId).containsExactly(1L, 2L);
        assertThat(book.order(1).openQty()).isEqualTo(q("1.5"));
        assertThat(book.quantityAt(Side.BUY, p("99"))).isEqualTo(q("2.5"));
        book.validateInternalState();
    }

    @Test
    void shouldCountEveryChangeOfALevelAggregateInTheUpdateId() {
        book.add(1, Side.SELL, p("101"), q("1"), 0);
        book.add(2, Side.SELL, p("101"), q("1"), 0);
        book.add(3, Side.SELL, p("102"), q("1"), 0);
        assertThat(book.lastUpdateId()).isEqualTo(3);

        book.cancel(2);
        assertThat(book.lastUpdateId()).isEqualTo(4);
        assertThat(book.cancel(2)).isNull();
        assertThat(book.lastUpdateId()).isEqualTo(4);

        book.match(Side.BUY, 0, q("1.5"), UNLIMITED, 0, SelfTradePreventionMode.NONE, recorder);
        assertThat(book.lastUpdateId()).as("one change per fill").isEqualTo(6);

        DepthDiff d = book.drainDepthDiff(1);
        assertThat(d.firstUpdateId()).isEqualTo(1);
        assertThat(d.finalUpdateId()).isEqualTo(6);
        assertThat(d.asks()).containsExactly(new DepthLevel(p("101"), 0), new DepthLevel(p("102"), q("0.5")));
        assertThat(book.drainDepthDiff(2)).isNull();
        book.add(4, Side.BUY, p("100"), q("1"), 0);
        assertThat(book.drainDepthDiff(3).firstUpdateId()).isEqualTo(7);
    }

    @Test
    void shouldStopAtTheLimitPriceAndOnAnEmptySide() {
        book.add(1, Side.SELL, p("101"), q("1"), 0);
        book.add(2, Side.SELL, p("103"), q("1"), 0);

        LimitOrderBook.MatchResult r = book.match(Side.BUY, p("102"), q("5"), UNLIMITED, 0, SelfTradePreventionMode.NONE, recorder);
        assertThat(r.executedQty()).isEqualTo(q("1"));
        assertThat(r.reason()).isEqualTo(LimitOrderBook.StopReason.NO_LIQUIDITY);

        r = book.match(Side.BUY, 0, q("5"), UNLIMITED, 0, SelfTradePreventionMode.NONE, recorder);
        assertThat(r.executedQty()).isEqualTo(q("1"));
        assertThat(book.bestAsk()).isZero();
    }

    @Test
    void shouldSpendAtMostTheQuoteBudgetInWholeSteps() {
        book.add(1, Side.SELL, p("100.00"), q("1"), 0);
        book.add(2, Side.SELL, p("100.50"), q("1"), 0);

        LimitOrderBook.MatchResult r = book.match(Side.BUY, 0, UNLIMITED, Harness.cash("150"), 0,
                SelfTradePreventionMode.NONE, recorder);

        // 1 BTC at 100 = 100, then floor(50 / 100.5 to 0.00001) = 0.49751 BTC = 49.9997550
        assertThat(r.executedQty()).isEqualTo(q("1.49751"));
        assertThat(r.executedQuote()).isEqualTo(Harness.cash("149.99975500"));
        assertThat(r.executedQuote()).isLessThanOrEqualTo(Harness.cash("150"));
        assertThat(r.reason()).isEqualTo(LimitOrderBook.StopReason.QUOTE_BUDGET);
    }

    @Test
    void shouldExpireTheTakersOwnRestingOrdersUnderExpireMaker() {
        book.add(1, Side.SELL, p("101"), q("1"), 7);
        book.add(2, Side.SELL, p("101"), q("1"), 0);

        book.match(Side.BUY, 0, q("1"), UNLIMITED, 7, SelfTradePreventionMode.EXPIRE_MAKER, recorder);

        assertThat(fills).containsExactly("1:expired 100000", "2:100000@10100 done");
        assertThat(book.orderCount()).isZero();
    }

    @Test
    void shouldStopTheTakerAtItsOwnOrderUnderExpireTaker() {
        book.add(1, Side.SELL, p("101"), q("1"), 0);
        book.add(2, Side.SELL, p("101"), q("1"), 7);

        LimitOrderBook.MatchResult r = book.match(Side.BUY, 0, q("2"), UNLIMITED, 7, SelfTradePreventionMode.EXPIRE_TAKER, recorder);

        assertThat(r.reason()).isEqualTo(LimitOrderBook.StopReason.SELF_TRADE);
        assertThat(r.executedQty()).isEqualTo(q("1"));
        assertThat(book.order(2)).isNotNull();
    }

    @Test
    void shouldRefuseAnAddThatWouldCrossTheBook() {
        book.add(1, Side.SELL, p("101"), q("1"), 0);
        assertThatThrownBy(() -> book.add(2, Side.BUY, p("101"), q("1"), 0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> book.add(1, Side.BUY, p("100"), q("1"), 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldShowDepthBestFirstOnBothSides() {
        book.add(1, Side.BUY, p("99"), q("1"), 0);
        book.add(2, Side.BUY, p("98"), q("2"), 0);
        book.add(3, Side.SELL, p("101"), q("3"), 0);
        book.add(4, Side.SELL, p("102"), q("4"), 0);
        book.add(5, Side.SELL, p("101"), q("1"), 0);

        DepthSnapshot s = book.snapshot(1);
        assertThat(s.bids()).containsExactly(new DepthLevel(p("99"), q("1")));
        assertThat(s.asks()).containsExactly(new DepthLevel(p("101"), q("4")));
        assertThat(s.lastUpdateId()).isEqualTo(5);
        assertThat(book.depth(Side.BUY, 10)).extracting(DepthLevel::price).containsExactly(p("99"), p("98"));
    }

    @Test
    void shouldSimulateExactlyWhatAMatchThenDoes() {
        SplittableRandom r = new SplittableRandom(5);
        long id = 1;
        for (int round = 0; round < 2_000; round++) {
            for (int i = 0; i < 5; i++) {
                Side side = r.nextBoolean() ? Side.BUY : Side.SELL;
                long price = side == Side.BUY ? p("100") - r.nextInt(20) : p("100.01") + r.nextInt(20);
                book.add(id++, side, price, 1 + r.nextInt(200_000), r.nextInt(3));
            }
            Side taker = r.nextBoolean() ? Side.BUY : Side.SELL;
            long limit = r.nextInt(3) == 0 ? 0 : (taker == Side.BUY ? p("100.05") : p("99.95"));
            long maxQty = r.nextInt(4) == 0 ? UNLIMITED : 1 + r.nextInt(500_000);
            long maxQuote = r.nextInt(3) == 0 ? 1 + r.nextInt(500_000_000) : UNLIMITED;
            long owner = r.nextInt(3);
            SelfTradePreventionMode stp = SelfTradePreventionMode.values()[r.nextInt(4)];
            LimitOrderBook.MatchResult sim = book.simulate(taker, limit, maxQty, maxQuote, owner, stp);
            LimitOrderBook.MatchResult real = book.match(taker, limit, maxQty, maxQuote, owner, stp, recorder);
            assertThat(real).isEqualTo(sim);
            book.validateInternalState();
        }
    }
}
