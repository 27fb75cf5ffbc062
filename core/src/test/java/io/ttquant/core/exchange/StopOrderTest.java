package io.ttquant.core.exchange;

import static io.ttquant.core.exchange.ExchangeHarness.MINUTE;
import static io.ttquant.core.exchange.ExchangeHarness.MS;
import static io.ttquant.core.exchange.ExchangeHarness.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.order.Order;
import io.ttquant.core.order.Side;
import org.junit.jupiter.api.Test;

class StopOrderTest {

    private static ExchangeHarness harness() {
        return new ExchangeHarness(ExchangeHarness.config());
    }

    @Test
    void shouldTriggerStopMarketOnATradeAndFillAtThatTrade() {
        ExchangeHarness h = harness();
        h.trade(T0, "100.00", "1", Side.BUY);
        Order o = h.place(T0, h.stopMarket(Side.SELL, "1", "95"));

        h.trade(T0 + MS, "96.00", "1", Side.SELL);
        assertThat(h.events(o)).containsExactly("ACCEPTED");
        h.trade(T0 + 2 * MS, "94.50", "1", Side.SELL);   // first print through the stop: a gap

        assertThat(h.events(o)).containsExactly("ACCEPTED", "TRIGGERED", "FILL 1@94.5 TAKER", "FILLED");
        assertThat(o.isTriggered()).isTrue();
        assertThat(h.fills(o).get(0).timeNanos()).isEqualTo(T0 + 2 * MS);
    }

    @Test
    void shouldFillStopMarketAtTheStopWhenATradePrintsExactlyThere() {
        ExchangeHarness h = new ExchangeHarness(ExchangeHarness.config().slippage(SlippageModel.fixedTicks(1)));
        h.trade(T0, "100.00", "1", Side.BUY);
        Order o = h.place(T0, h.stopMarket(Side.BUY, "1", "101"));

        h.trade(T0 + MS, "101.00", "1", Side.BUY);

        assertThat(h.events(o)).containsExactly("ACCEPTED", "TRIGGERED", "FILL 1@101.01 TAKER", "FILLED");
    }

    @Test
    void shouldTriggerStopMarketOnABarGapAndFillAtTheOpen() {
        ExchangeHarness h = new ExchangeHarness(ExchangeHarness.config().slippage(SlippageModel.fixedTicks(1)));
        h.bar(T0, MINUTE, "100", "102", "99", "101", "10");
        Order o = h.place(T0 + MINUTE, h.stopMarket(Side.BUY, "1", "105"));

        h.bar(T0 + MINUTE, MINUTE, "107", "108", "106", "107.50", "10");

        assertThat(h.events(o)).containsExactly("ACCEPTED", "TRIGGERED", "FILL 1@107.01 TAKER", "FILLED");
        assertThat(h.fills(o).get(0).timeNanos()).isEqualTo(T0 + MINUTE);   // the gap bar's open time
    }

    @Test
    void shouldTriggerStopMarketInsideABarAtTheStopPrice() {
        ExchangeHarness h = harness();
        h.bar(T0, MINUTE, "100", "102", "99", "101", "10");
        Order o = h.place(T0 + MINUTE, h.stopMarket(Side.SELL, "1", "98"));

        h.bar(T0 + MINUTE, MINUTE, "101", "101.50", "97", "97.50", "10");

        assertThat(h.events(o)).containsExactly("ACCEPTED", "TRIGGERED", "FILL 1@98 TAKER", "FILLED");
        assertThat(h.fills(o).get(0).timeNanos()).isEqualTo(T0 + 2 * MINUTE);
    }

    @Test
    void shouldTriggerStopLimitThenRestAndFillLaterAsMaker() {
        ExchangeHarness h = harness();
        h.trade(T0, "100.00", "1", Side.BUY);
        Order o = h.place(T0, h.stopLimit(Side.BUY, "1", "101", "101.50"));

        h.trade(T0 + MS, "102.00", "1", Side.BUY);   // triggers; 102 is above the limit: rests at 101.50
        assertThat(h.events(o)).containsExactly("ACCEPTED", "TRIGGERED");
        assertThat(h.ex.openOrderCount()).isEqualTo(1);

        h.trade(T0 + 2 * MS, "101.00", "1", Side.SELL);

        assertThat(h.events(o)).containsExactly("ACCEPTED", "TRIGGERED", "FILL 1@101.5 MAKER", "FILLED");
    }

    @Test
    void shouldTakeAtOnceWhenATriggeredStopLimitIsMarketable() {
        ExchangeHarness h = harness();
        h.trade(T0, "100.00", "1", Side.BUY);
        Order o = h.place(T0, h.stopLimit(Side.BUY, "1", "101", "101.50"));

        h.trade(T0 + MS, "101.20", "1", Side.BUY);

        assertThat(h.events(o)).containsExactly("ACCEPTED", "TRIGGERED", "FILL 1@101.2 TAKER", "FILLED");
    }

    @Test
    void shouldTriggerStopOnTheAskAndFillAtTheAsk() {
        ExchangeHarness h = harness();
        h.quote(T0, "99.99", "1", "100.00", "1");
        Order o = h.place(T0, h.stopMarket(Side.BUY, "1", "100.50"));

        h.quote(T0 + MS, "100.40", "1", "100.49", "1");
        assertThat(h.events(o)).containsExactly("ACCEPTED");
        h.quote(T0 + 2 * MS, "100.50", "1", "100.52", "1");

        assertThat(h.events(o)).containsExactly("ACCEPTED", "TRIGGERED", "FILL 1@100.52 TAKER", "FILLED");
    }

    @Test
    void shouldWalkTheBookWhenAStopTriggersOnABookUpdate() {
        ExchangeHarness h = harness();
        h.book(T0, true, new String[] {"100.00:1", "99.00:1"}, new String[] {"100.10:1"});
        Order o = h.place(T0, h.stopMarket(Side.SELL, "1.5", "99.50"));

        h.book(T0 + MS, true, new String[] {"99.50:1", "99.00:1"}, new String[] {"99.60:1"});

        assertThat(h.events(o)).containsExactly("ACCEPTED", "TRIGGERED",
                "FILL 1@99.5 TAKER", "PARTIALLY_FILLED", "FILL 0.5@99 TAKER", "FILLED");
    }

    @Test
    void shouldTriggerOnArrivalWhenTheStopIsAlreadyReached() {
        ExchangeHarness h = harness();
        h.trade(T0, "100.00", "1", Side.BUY);

        Order o = h.place(T0, h.stopMarket(Side.SELL, "1", "101"));

        assertThat(h.events(o)).containsExactly("ACCEPTED", "TRIGGERED", "FILL 1@100 TAKER", "FILLED");
    }
}
