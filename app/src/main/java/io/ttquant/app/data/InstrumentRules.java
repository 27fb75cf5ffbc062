package io.ttquant.app.data;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.num.Fixed;
import java.util.Locale;

/**
 * The instrument a command works on: Binance's built-in rules for the symbol, with the
 * {@code --tick-size}, {@code --step-size} and {@code --min-notional} overrides applied. Shared by
 * {@code backtest} and {@code data import} so that data imported and data backtested are parsed and
 * stored at the same scales. It only builds the instrument; it never reads data.
 */
public final class InstrumentRules {
    private InstrumentRules() {
    }

    /**
     * The instrument for {@code symbol} (case-insensitive); the overrides may be null.
     *
     * @throws IllegalArgumentException when the symbol has no built-in rules and no tick and step size
     *                                  were given, or a rule is not a valid decimal
     */
    public static Instrument resolve(String symbol, String tickSize, String stepSize, String minNotional) {
        String sym = symbol.toUpperCase(Locale.ROOT);
        Instrument known = Instruments.binanceSpot(sym);
        if (known == null && (tickSize == null || stepSize == null)) {
            throw new IllegalArgumentException("no built-in rules for " + sym + "; give --tick-size and --step-size");
        }
        Instrument.Builder b = Instrument.builder(sym);
        b.tickSize(tickSize != null ? tickSize : Fixed.formatCompact(known.tickSize(), known.priceScale()));
        b.stepSize(stepSize != null ? stepSize : Fixed.formatCompact(known.stepSize(), known.qtyScale()));
        if (stepSize == null && known != null) {
            b.minQty(Fixed.formatCompact(known.minQty(), known.qtyScale()));
        }
        if (minNotional != null) {
            b.minNotional(minNotional);
        } else if (known != null) {
            b.minNotional(Fixed.formatCompact(known.minNotional(), Fixed.CASH_SCALE));
        }
        try {
            return b.build();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad instrument rule: " + e.getMessage());
        }
    }
}
