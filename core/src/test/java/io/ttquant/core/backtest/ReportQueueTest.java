package io.ttquant.core.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.data.BarArraySource;
import io.ttquant.core.exchange.ExchangeConfig;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderStatus;
import io.ttquant.core.order.OrderType;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import io.ttquant.core.strategy.BaseStrategy;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine's report queue reuses its report objects; when it compacts while reports are being
 * delivered (orders refused locally are reported at once, inside the callback that sent them), no
 * report may be lost or delivered twice.
 */
class ReportQueueTest {
    private static final long MINUTE = 60_000_000_000L;
    private static final long T0 = 1_700_000_000_000_000_000L;
    private final Instrument btc = Instrument.builder("BTCUSDT").tickSize("0.01").stepSize("0.00001").minNotional("5").build();

    @Test
    void everyLocalRejectionIsDeliveredExactlyOnceWhenTheQueueCompactsDuringDelivery() {
        Map<Order, Integer> updates = new IdentityHashMap<>();
        int[] sent = {0};
        BaseStrategy s = new BaseStrategy() {
            int rejections;

            private void refused(int n) {
                for (int i = 0; i < n; i++) {
                    // below the minimum notional: refused by the pre-trade check and reported at once
                    ctx().submit(btc, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 1, 100, 0, false);
                    sent[0]++;
                }
            }

            @Override
            public void onBar(Bar bar) {
                if (sent[0] == 0) {
                    refused(1);
                }
            }

            @Override
            public void onOrderUpdate(Order order) {
                updates.merge(order, 1, Integer::sum);
                if (order.status() != OrderStatus.REJECTED) {
                    return;
                }
                rejections++;
                // a burst, then one for one until the queue's end forces a compaction, then another burst
                if (rejections == 1) {
                    refused(99);
                } else if (rejections <= 157) {
                    refused(1);
                } else if (rejections == 158) {
                    refused(100);
                }
            }
        };
        long[] t = {T0, T0 + MINUTE};
        long[] p = {10_000, 10_000};
        long[] v = {btc.qty("100"), btc.qty("100")};
        BacktestConfig config = BacktestConfig.builder().instrument(btc).source(new BarArraySource(btc, MINUTE, t, p, p, p, p, v))
                .exchange(ExchangeConfig.builder().build()).strategy("s", "burst", s).balance("USDT", 1_000_000_00000000L).build();
        new BacktestEngine(config).run();

        assertThat(sent[0]).isEqualTo(1 + 99 + 156 + 100);
        assertThat(updates).hasSize(sent[0]);
        assertThat(updates.values()).allMatch(n -> n == 1);
    }
}
