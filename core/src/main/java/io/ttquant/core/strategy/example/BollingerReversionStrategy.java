package io.ttquant.core.strategy.example;

import io.ttquant.core.indicator.BollingerBands;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderStatus;
import io.ttquant.core.order.TimeInForce;
import io.ttquant.core.strategy.BaseStrategy;
import io.ttquant.core.strategy.StrategyFactory;
import io.ttquant.core.strategy.StrategyParams;
import java.util.List;

/**
 * Long-only Bollinger mean reversion with resting limit orders: while flat it rests a GTC buy limit
 * at the lower band (rounded down to the tick), moved with the band every bar; once long it rests a
 * sell limit for the whole position at the middle band (rounded up to the tick). Exercises the
 * limit-order path: resting, replacing, canceling and maker fills.
 */
public final class BollingerReversionStrategy extends BaseStrategy {
    public static final StrategyFactory FACTORY = StrategyFactory.of("bollinger-reversion",
            "long only: rest a buy limit at the lower Bollinger band, exit with a sell limit at the middle band",
            List.of(new StrategyFactory.ParamSpec("period", "20", "Bollinger period (bars)"),
                    new StrategyFactory.ParamSpec("k", "2", "band width in standard deviations"),
                    new StrategyFactory.ParamSpec("qty", "1", "quantity to buy, in the base asset"),
                    new StrategyFactory.ParamSpec("symbol", "", "instrument to trade (default: the first)")),
            p -> new BollingerReversionStrategy(p.integer("period", 20), p.decimal("k", 2), p.string("qty", "1"), p.string("symbol", "")));

    private final BollingerBands bands;
    private final String qtyText;
    private final String symbol;
    private Instrument instrument;
    private long qty;
    private double priceUnits;
    private Order entry;
    private Order exit;

    public BollingerReversionStrategy(int period, double k, String qty, String symbol) {
        if (period < 2) {
            throw new IllegalArgumentException("period must be at least 2, got " + period);
        }
        if (!(k > 0)) {
            throw new IllegalArgumentException("k must be positive, got " + k);
        }
        this.bands = new BollingerBands(period, k);
        this.qtyText = StrategyParams.requirePositiveDecimal("qty", qty);
        this.symbol = symbol;
    }

    @Override
    protected void onStarted() {
        instrument = tradedInstrument(symbol);
        qty = quantity(instrument, qtyText);
        priceUnits = Math.pow(10, instrument.priceScale());
    }

    @Override
    public void onBar(Bar bar) {
        if (bar.instrument() != instrument) {
            return;
        }
        bands.update(instrument.priceToDouble(bar.close()));
        if (!bands.isReady()) {
            return;
        }
        long position = position(instrument).netQty();
        if (position == 0) {
            long buyPrice = instrument.floorToTick(toPrice(bands.lower()));
            entry = restOrMove(entry, true, qty, buyPrice);
        } else if (position > 0) {
            if (entry != null && entry.isOpen()) {
                ctx().cancel(entry);
            }
            long sellPrice = instrument.ceilToTick(toPrice(bands.middle()));
            exit = restOrMove(exit, false, position, sellPrice);
        }
    }

    private Order restOrMove(Order current, boolean buy, long quantity, long price) {
        if (price <= 0) {
            return current;
        }
        if (current != null && current.isOpen()) {
            if (current.price() == price && current.remainingQty() == quantity && current.filledQty() == 0) {
                return current;
            }
            if (current.filledQty() > 0) {
                return current;
            }
            return ctx().replace(current, quantity, price);
        }
        if (current != null && current.status() == OrderStatus.NEW) {
            return current;
        }
        return buy ? ctx().buyLimit(instrument, quantity, price, TimeInForce.GTC)
                : ctx().sellLimit(instrument, quantity, price, TimeInForce.GTC);
    }

    private long toPrice(double value) {
        return Math.round(value * priceUnits);
    }
}
