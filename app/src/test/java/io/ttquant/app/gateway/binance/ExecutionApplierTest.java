package io.ttquant.app.gateway.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.app.gateway.binance.BinanceVenueStats.Source;
import io.ttquant.app.gateway.binance.ExecutionApplier.Result;
import io.ttquant.binance.trading.BinanceOrderStatus;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.order.Fill;
import io.ttquant.core.order.LiquiditySide;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderStatus;
import io.ttquant.core.order.OrderType;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import io.ttquant.core.venue.ExecutionListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ExecutionApplier} on its own: whatever order and however often the venue's paths report
 * them, an order is accepted once, each trade is applied once, fills come before the status they
 * lead to, a terminal state waits for the fills it implies, and nothing that does not fit the
 * order is applied.
 */
class ExecutionApplierTest {
    private static final Instrument BTC = Instrument.builder("BTCUSDT").tickSize("0.01").stepSize("0.001").minQty("0.001")
            .maxQty("100").build();
    private static final long T = 1_700_000_000_000_000_000L;

    private final List<String> told = new ArrayList<>();
    private final List<Fill> fills = new ArrayList<>();
    private final BinanceVenueStats stats = new BinanceVenueStats();
    private final ExecutionApplier applier = new ExecutionApplier(new ExecutionListener() {
        @Override
        public void onOrderUpdate(Order order) {
            told.add(order.status() + " " + BTC.formatQty(order.filledQty()));
        }

        @Override
        public void onFill(Order order, Fill fill) {
            fills.add(fill);
            told.add("fill " + fill.tradeId());
        }
    }, stats);

    private static TrackedOrder order(OrderType type, TimeInForce tif, String qty) {
        Order o = new Order(1, "c-1", "alpha", BTC, Side.BUY, type, tif, BTC.qty(qty), type == OrderType.MARKET ? 0 : BTC.price("100"),
                0, false, T);
        return new TrackedOrder(o, BTC, null);
    }

    @Test
    void shouldApplyATradeOnceWhicheverPathReportsItAndAcceptFirst() {
        TrackedOrder t = order(OrderType.LIMIT, TimeInForce.GTC, "1");
        assertThat(applier.fill(t, 7, BTC.price("99.5"), BTC.qty("0.4"), 40_000, "BTC", true, Source.STREAM, T + 1)).isTrue();
        assertThat(applier.fill(t, 7, BTC.price("99.5"), BTC.qty("0.4"), 40_000, "BTC", false, Source.ANSWER, T + 2)).isFalse();
        assertThat(applier.applyState(t, BinanceOrderStatus.PARTIALLY_FILLED, BTC.qty("0.4"), T + 3)).isEqualTo(Result.OPEN);
        assertThat(told).containsExactly("ACCEPTED 0", "fill 7", "PARTIALLY_FILLED 0.4");
        assertThat(stats.duplicateFills()).isEqualTo(1);
        assertThat(stats.fills(Source.STREAM)).isEqualTo(1);
        Fill f = fills.get(0);
        assertThat(f.liquidity()).isEqualTo(LiquiditySide.MAKER);
        assertThat(f.fee()).isEqualTo(40_000);
        assertThat(f.feeAsset()).isEqualTo("BTC");
        assertThat(f.clientOrderId()).isEqualTo("c-1");
    }

    @Test
    void shouldHoldACanceledStateUntilTheFillsBeforeItAreApplied() {
        TrackedOrder t = order(OrderType.LIMIT, TimeInForce.GTC, "1");
        applier.accept(t, T);
        assertThat(applier.applyState(t, BinanceOrderStatus.CANCELED, BTC.qty("0.3"), T + 1)).isEqualTo(Result.NEED_TRADES);
        assertThat(t.order.status()).isEqualTo(OrderStatus.ACCEPTED);
        // A stale working report changes nothing, and does not lose the CANCELED waiting for its fill.
        assertThat(applier.applyState(t, BinanceOrderStatus.NEW, 0, T + 2)).isEqualTo(Result.NEED_TRADES);
        assertThat(t.pendingStatus).isEqualTo(BinanceOrderStatus.CANCELED);
        assertThat(applier.applyPending(t, T + 3)).isEqualTo(Result.NEED_TRADES);
        applier.fill(t, 11, BTC.price("100"), BTC.qty("0.3"), 0, null, true, Source.REST, T + 4);
        assertThat(applier.applyPending(t, T + 5)).isEqualTo(Result.DONE);
        assertThat(t.order.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(told).containsExactly("ACCEPTED 0", "fill 11", "PARTIALLY_FILLED 0.3", "CANCELED 0.3");
        assertThat(fills.get(0).feeAsset()).as("no commission asset: the quote asset, fee 0").isEqualTo(BTC.quoteAsset());
    }

    @Test
    void shouldNeverApplyAFillThatDoesNotFitTheOrder() {
        TrackedOrder t = order(OrderType.LIMIT, TimeInForce.GTC, "1");
        applier.fill(t, 1, BTC.price("100"), BTC.qty("0.8"), 0, "USDT", false, Source.ANSWER, T);
        assertThat(applier.fill(t, 2, BTC.price("100"), BTC.qty("0.5"), 0, "USDT", false, Source.STREAM, T + 1)).isFalse();
        assertThat(stats.inconsistencies()).isEqualTo(1);
        assertThat(t.order.filledQty()).isEqualTo(BTC.qty("0.8"));
        assertThat(applier.applyState(t, BinanceOrderStatus.CANCELED, BTC.qty("0.5"), T + 2))
                .as("a terminal state with less filled than applied is a contradiction").isEqualTo(Result.OPEN);
        assertThat(t.order.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(stats.inconsistencies()).isEqualTo(2);
    }

    @Test
    void shouldExpireTheUnfilledRestWithTheReasonOfTheOrderType() {
        TrackedOrder market = order(OrderType.MARKET, TimeInForce.IOC, "1");
        applier.fill(market, 1, BTC.price("100"), BTC.qty("0.6"), 0, "BTC", false, Source.ANSWER, T);
        assertThat(applier.applyState(market, BinanceOrderStatus.EXPIRED, BTC.qty("0.6"), T)).isEqualTo(Result.DONE);
        assertThat(market.order.status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(market.order.reason()).isEqualTo(RejectReason.NO_LIQUIDITY);

        TrackedOrder fok = order(OrderType.LIMIT, TimeInForce.FOK, "1");
        assertThat(applier.applyState(fok, BinanceOrderStatus.EXPIRED, 0, T)).isEqualTo(Result.DONE);
        assertThat(fok.order.reason()).isEqualTo(RejectReason.FOK_NOT_FILLABLE);
        TrackedOrder ioc = order(OrderType.LIMIT, TimeInForce.IOC, "1");
        applier.applyState(ioc, BinanceOrderStatus.EXPIRED, 0, T);
        assertThat(ioc.order.reason()).isEqualTo(RejectReason.IOC_REMAINDER);
        TrackedOrder stp = order(OrderType.LIMIT, TimeInForce.GTC, "1");
        applier.applyState(stp, BinanceOrderStatus.EXPIRED_IN_MATCH, 0, T);
        assertThat(stp.order.reason()).isEqualTo(RejectReason.VENUE_REJECTED);
    }

    @Test
    void shouldRejectANewOrderTheVenueReportsRejectedAndReportNothingAfterATerminalState() {
        TrackedOrder t = order(OrderType.LIMIT, TimeInForce.GTC, "1");
        assertThat(applier.applyState(t, BinanceOrderStatus.REJECTED, 0, T)).isEqualTo(Result.DONE);
        assertThat(t.order.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(t.order.reason()).isEqualTo(RejectReason.VENUE_REJECTED);
        assertThat(applier.applyState(t, BinanceOrderStatus.NEW, 0, T + 1)).isEqualTo(Result.DONE);
        assertThat(applier.fill(t, 3, BTC.price("100"), BTC.qty("0.1"), 0, "BTC", false, Source.STREAM, T + 2)).isFalse();
        assertThat(told).containsExactly("REJECTED 0");
    }

    @Test
    void shouldFillCompletelyWithoutATerminalReportOfItsOwn() {
        TrackedOrder t = order(OrderType.MARKET, TimeInForce.IOC, "1");
        applier.fill(t, 1, BTC.price("100"), BTC.qty("0.25"), 0, "BTC", false, Source.ANSWER, T);
        applier.fill(t, 2, BTC.price("100.01"), BTC.qty("0.75"), 0, "BTC", false, Source.ANSWER, T);
        assertThat(applier.applyState(t, BinanceOrderStatus.FILLED, BTC.qty("1"), T)).isEqualTo(Result.DONE);
        assertThat(told).containsExactly("ACCEPTED 0", "fill 1", "PARTIALLY_FILLED 0.25", "fill 2", "FILLED 1");
        assertThat(t.order.filledNotional()).isEqualTo(BTC.notional(BTC.price("100"), BTC.qty("0.25"))
                + BTC.notional(BTC.price("100.01"), BTC.qty("0.75")));
    }
}
