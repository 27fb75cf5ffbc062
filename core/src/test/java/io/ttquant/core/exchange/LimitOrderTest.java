package io.ttquant.core.exchange;

import static io.ttquant.core.exchange.ExchangeHarness.MINUTE;
import static io.ttquant.core.exchange.ExchangeHarness.MS;
import static io.ttquant.core.exchange.ExchangeHarness.T0;
import static io.ttquant.core.exchange.ExchangeHarness.qty;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.order.Fill;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import org.junit.jupiter.api.Test;

class LimitOrderTest {

    private static ExchangeHarness harness(LimitFillRule rule) {
        return new ExchangeHarness(ExchangeHarness.config().limitFillRule(rule));
    }

    @Test
    void shouldFillRestingBuyAsMakerAtItsLimitWhenATradeGoesThrough() {
        ExchangeHarness h = new ExchangeHarness(ExchangeHarness.config().makerFeePpm(200).takerFeePpm(1000));
        h.trade(T0, "101.00", "1", Side.BUY);
        Order o = h.place(T0, h.limit(Side.BUY, "2", "100"));
        assertThat(h.events(o)).containsExactly("ACCEPTED");

        h.trade(T0 + MS, "100.00", "5", Side.SELL);   // at the limit: not through
        h.trade(T0 + 2 * MS, "99.90", "0.1", Side.SELL);

        assertThat(h.events(o)).containsExactly("ACCEPTED", "FILL 2@100 MAKER", "FILLED");
        Fill f = h.fills(o).get(0);
        assertThat(f.fee()).isEqualTo(4_000_000L);     // 200 ppm of 200 USDT = 0.04 USDT
        assertThat(f.timeNanos()).isEqualTo(T0 + 2 * MS);
    }

    @Test
    void shouldFillOnTouchOnlyUnderTouchRuleAndCapTheFillAtTheTradeQuantity() {
        ExchangeHarness touch = harness(LimitFillRule.TOUCH);
        ExchangeHarness through = harness(LimitFillRule.THROUGH);
        for (ExchangeHarness h : new ExchangeHarness[] {touch, through}) {
            h.trade(T0, "101.00", "1", Side.BUY);
            h.place(T0, h.limit(Side.BUY, "2", "100"));
            h.trade(T0 + MS, "100.00", "0.5", Side.SELL);
        }

        assertThat(touch.fills).extracting(Fill::qty).containsExactly(qty("0.5"));
        assertThat(through.fills).isEmpty();

        touch.trade(T0 + 2 * MS, "99.99", "0.1", Side.SELL);   // through: fills the whole remainder
        through.trade(T0 + 2 * MS, "99.99", "0.1", Side.SELL);
        assertThat(touch.fills).extracting(Fill::qty).containsExactly(qty("0.5"), qty("1.5"));
        assertThat(through.fills).extracting(Fill::qty).containsExactly(qty("2"));
    }

    @Test
    void shouldFillOnlyTheExcessBeyondTheQueueAheadOfTheOrder() {
        ExchangeHarness h = harness(LimitFillRule.THROUGH);
        h.book(T0, true, new String[] {"100.00:5"}, new String[] {"100.10:1"});
        Order o = h.place(T0, h.limit(Side.BUY, "4", "100"));

        h.trade(T0 + MS, "100.00", "3", Side.SELL);       // queue 5 -> 2
        assertThat(h.fills).isEmpty();
        h.trade(T0 + 2 * MS, "100.00", "4", Side.SELL);   // eats 2, fills 2

        assertThat(h.events(o)).containsExactly("ACCEPTED", "FILL 2@100 MAKER", "PARTIALLY_FILLED");
        assertThat(o.remainingQty()).isEqualTo(qty("2"));
    }

    @Test
    void shouldIgnoreTradesOnTheOwnSideForTheQueue() {
        ExchangeHarness h = harness(LimitFillRule.THROUGH);
        h.book(T0, true, new String[] {"100.00:1"}, new String[] {"100.10:1"});
        h.place(T0, h.limit(Side.BUY, "1", "100"));

        h.trade(T0 + MS, "100.00", "5", Side.BUY);   // a buyer lifting an ask at 100 does not touch the bid queue

        assertThat(h.fills).isEmpty();
    }

    @Test
    void shouldShrinkTheQueueWhenTheBookShowsTheLevelSmaller() {
        ExchangeHarness h = harness(LimitFillRule.THROUGH);
        h.book(T0, true, new String[] {"100.00:5"}, new String[] {"100.10:1"});
        Order o = h.place(T0, h.limit(Side.BUY, "4", "100"));

        h.book(T0 + MS, false, new String[] {"100.00:1"}, new String[] {});   // cancels ahead of us
        h.book(T0 + 2 * MS, false, new String[] {"100.00:7"}, new String[] {}); // growth queues behind us
        h.trade(T0 + 3 * MS, "100.00", "3", Side.SELL);

        assertThat(h.events(o)).containsExactly("ACCEPTED", "FILL 2@100 MAKER", "PARTIALLY_FILLED");
    }

    @Test
    void shouldFillAQueuedOrderCompletelyOnATradeThroughItsPrice() {
        ExchangeHarness h = harness(LimitFillRule.THROUGH);
        h.book(T0, true, new String[] {"100.00:50"}, new String[] {"100.10:1"});
        Order o = h.place(T0, h.limit(Side.BUY, "4", "100"));

        h.trade(T0 + MS, "99.99", "0.001", Side.SELL);

        assertThat(h.events(o)).containsExactly("ACCEPTED", "FILL 4@100 MAKER", "FILLED");
    }

    @Test
    void shouldRestTheRemainderOfAMarketableLimitBehindAnEmptyQueue() {
        ExchangeHarness h = harness(LimitFillRule.THROUGH);
        h.book(T0, true, new String[] {"99.00:1"}, new String[] {"100.00:1", "101.00:1"});
        Order o = h.place(T0, h.limit(Side.BUY, "3", "100.50"));
        assertThat(h.events(o)).containsExactly("ACCEPTED", "FILL 1@100 TAKER", "PARTIALLY_FILLED");

        h.trade(T0 + MS, "100.50", "1.5", null);

        assertThat(h.events(o)).containsExactly("ACCEPTED", "FILL 1@100 TAKER", "PARTIALLY_FILLED",
                "FILL 1.5@100.5 MAKER", "PARTIALLY_FILLED");
    }

    @Test
    void shouldRejectPostOnlyOrderThatWouldTake() {
        ExchangeHarness h = harness(LimitFillRule.THROUGH);
        h.quote(T0, "99.99", "1", "100.00", "1");

        Order crossing = h.place(T0, h.limit(Side.BUY, "1", "100.00", TimeInForce.GTX));
        Order passive = h.place(T0, h.limit(Side.BUY, "1", "99.99", TimeInForce.GTX));

        assertThat(h.events(crossing)).containsExactly("REJECTED POST_ONLY_WOULD_TAKE");
        assertThat(h.events(passive)).containsExactly("ACCEPTED");
        assertThat(h.ex.openOrderCount()).isEqualTo(1);
    }

    @Test
    void shouldRejectPostOnlyOrderAtTheLastPriceWhenOnlyTradesAreKnown() {
        ExchangeHarness h = harness(LimitFillRule.THROUGH);
        h.trade(T0, "100.00", "1", Side.BUY);

        Order o = h.place(T0, h.limit(Side.SELL, "1", "100.00", TimeInForce.GTX));

        assertThat(h.events(o)).containsExactly("REJECTED POST_ONLY_WOULD_TAKE");
    }

    @Test
    void shouldFillIocPartiallyAndExpireTheRemainder() {
        ExchangeHarness h = harness(LimitFillRule.THROUGH);
        h.book(T0, true, new String[] {"99.00:1"}, new String[] {"100.00:1", "101.00:1"});

        Order o = h.place(T0, h.limit(Side.BUY, "3", "100.50", TimeInForce.IOC));

        assertThat(h.events(o)).containsExactly("ACCEPTED", "FILL 1@100 TAKER", "PARTIALLY_FILLED",
                "EXPIRED IOC_REMAINDER");
        assertThat(h.ex.openOrderCount()).isZero();
    }

    @Test
    void shouldExpireIocThatCannotTakeWithoutFilling() {
        ExchangeHarness h = harness(LimitFillRule.THROUGH);
        h.quote(T0, "99.99", "1", "100.00", "1");

        Order o = h.place(T0, h.limit(Side.BUY, "1", "99.50", TimeInForce.IOC));

        assertThat(h.events(o)).containsExactly("ACCEPTED", "EXPIRED IOC_REMAINDER");
    }

    @Test
    void shouldExpireFokThatCannotFillCompletelyWithoutAnyFill() {
        ExchangeHarness h = harness(LimitFillRule.THROUGH);
        h.book(T0, true, new String[] {"99.00:1"}, new String[] {"100.00:1", "101.00:1", "102.00:5"});

        Order o = h.place(T0, h.limit(Side.BUY, "3", "101", TimeInForce.FOK));

        assertThat(h.events(o)).containsExactly("ACCEPTED", "EXPIRED FOK_NOT_FILLABLE");
        assertThat(h.fills).isEmpty();
    }

    @Test
    void shouldFillFokCompletelyWhenTheBookHoldsEnough() {
        ExchangeHarness h = harness(LimitFillRule.THROUGH);
        h.book(T0, true, new String[] {"99.00:1"}, new String[] {"100.00:1", "101.00:1", "102.00:5"});

        Order o = h.place(T0, h.limit(Side.BUY, "2", "101", TimeInForce.FOK));

        assertThat(h.events(o)).containsExactly("ACCEPTED", "FILL 1@100 TAKER", "PARTIALLY_FILLED",
                "FILL 1@101 TAKER", "FILLED");
    }

    @Test
    void shouldCheckFokAgainstTheQuoteSizeWhenItIsKnown() {
        ExchangeHarness h = harness(LimitFillRule.THROUGH);
        h.quote(T0, "99.99", "1", "100.00", "1");

        Order tooBig = h.place(T0, h.limit(Side.BUY, "2", "100", TimeInForce.FOK));
        Order fits = h.place(T0, h.limit(Side.BUY, "1", "100", TimeInForce.FOK));

        assertThat(h.events(tooBig)).containsExactly("ACCEPTED", "EXPIRED FOK_NOT_FILLABLE");
        assertThat(h.events(fits)).containsExactly("ACCEPTED", "FILL 1@100 TAKER", "FILLED");
    }

    @Test
    void shouldCapTheSlippedPriceOfAMarketableLimitAtItsLimit() {
        ExchangeHarness h = new ExchangeHarness(ExchangeHarness.config().slippage(SlippageModel.fixedTicks(10)));
        h.quote(T0, "99.99", "1", "100.00", "1");

        Order capped = h.place(T0, h.limit(Side.BUY, "1", "100.05"));
        Order slipped = h.place(T0, h.limit(Side.BUY, "1", "100.50"));

        assertThat(h.events(capped)).containsExactly("ACCEPTED", "FILL 1@100.05 TAKER", "FILLED");
        assertThat(h.events(slipped)).containsExactly("ACCEPTED", "FILL 1@100.1 TAKER", "FILLED");
    }

    @Test
    void shouldFillRestingOrdersInPriceTimePriority() {
        ExchangeHarness h = harness(LimitFillRule.TOUCH);
        h.trade(T0, "101.00", "1", Side.BUY);
        Order first = h.place(T0, h.limit(Side.BUY, "0.6", "100"));
        Order better = h.place(T0 + MS, h.limit(Side.BUY, "1", "100.50"));
        Order second = h.place(T0 + 2 * MS, h.limit(Side.BUY, "0.6", "100"));

        h.trade(T0 + 3 * MS, "100.00", "1", Side.SELL);

        assertThat(h.fills).extracting(Fill::orderId)
                .containsExactly(better.orderId(), first.orderId(), second.orderId());
        assertThat(h.fills).extracting(Fill::qty).containsExactly(qty("1"), qty("0.6"), qty("0.4"));
        assertThat(h.fills).extracting(Fill::tradeId).containsExactly(1L, 2L, 3L);
    }

    @Test
    void shouldFillRestingLimitsOnBarsAtTheLimitOrAtTheOpenOnAGap() {
        ExchangeHarness h = harness(LimitFillRule.THROUGH);
        h.bar(T0, MINUTE, "100", "102", "99", "101", "10");
        Order buy = h.place(T0 + MINUTE, h.limit(Side.BUY, "1", "98"));
        Order sell = h.place(T0 + MINUTE, h.limit(Side.SELL, "1", "103"));

        h.bar(T0 + MINUTE, MINUTE, "99", "100", "98", "98.50", "10");    // low touches 98: not through
        assertThat(h.fills).isEmpty();
        h.bar(T0 + 2 * MINUTE, MINUTE, "99", "100", "97.50", "98.50", "10");
        h.bar(T0 + 3 * MINUTE, MINUTE, "104", "105", "103.50", "104", "10"); // opens above the sell limit

        assertThat(h.events(buy)).containsExactly("ACCEPTED", "FILL 1@98 MAKER", "FILLED");
        assertThat(h.fills(buy).get(0).timeNanos()).isEqualTo(T0 + 3 * MINUTE);   // the bar's close
        assertThat(h.events(sell)).containsExactly("ACCEPTED", "FILL 1@104 MAKER", "FILLED");
        assertThat(h.fills(sell).get(0).timeNanos()).isEqualTo(T0 + 3 * MINUTE);  // the gap bar's open
    }

    @Test
    void shouldFillRestingLimitWhenTheQuoteCrossesIt() {
        ExchangeHarness through = harness(LimitFillRule.THROUGH);
        ExchangeHarness touch = harness(LimitFillRule.TOUCH);
        for (ExchangeHarness h : new ExchangeHarness[] {through, touch}) {
            h.quote(T0, "99.00", "1", "100.00", "1");
            h.place(T0, h.limit(Side.BUY, "1", "99.50"));
            h.quote(T0 + MS, "99.00", "1", "99.50", "0.3");
        }
        assertThat(through.fills).isEmpty();
        assertThat(touch.fills).extracting(Fill::qty).containsExactly(qty("0.3"));

        through.quote(T0 + 2 * MS, "99.00", "1", "99.40", "0.3");

        assertThat(through.fills).extracting(Fill::qty).containsExactly(qty("1"));
        assertThat(through.fills.get(0).price()).isEqualTo(ExchangeHarness.px("99.50"));
    }

    @Test
    void shouldRestLimitWhenNoPriceIsKnownAndFillItLater() {
        ExchangeHarness h = harness(LimitFillRule.THROUGH);
        Order o = h.place(T0, h.limit(Side.SELL, "1", "100"));
        assertThat(h.events(o)).containsExactly("ACCEPTED");

        h.trade(T0 + MS, "100.01", "1", Side.BUY);

        assertThat(h.events(o)).containsExactly("ACCEPTED", "FILL 1@100 MAKER", "FILLED");
    }
}
