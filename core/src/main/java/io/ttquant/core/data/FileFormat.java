package io.ttquant.core.data;

import java.util.Locale;

/**
 * The market-data file layouts the readers understand, by their command-line names.
 *
 * <ul>
 *   <li>{@link #BINANCE_KLINE}: data.binance.vision klines, 12 columns
 *       {@code open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_base,taker_buy_quote,ignore},
 *       or the 6-column {@code open_time_ms,open,high,low,close,volume} layout exported from freqtrade;</li>
 *   <li>{@link #BINANCE_TRADES}: data.binance.vision trades
 *       {@code id,price,qty,quote_qty,time,is_buyer_maker[,is_best_match]};</li>
 *   <li>{@link #BINANCE_AGGTRADES}: data.binance.vision aggTrades
 *       {@code agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker[,is_best_match]};</li>
 *   <li>{@link #CSV}: the project's own CSV with a required header naming bars, trades or quotes columns.</li>
 * </ul>
 * This enum only names layouts; it must never hold parsing state.
 */
public enum FileFormat {
    BINANCE_KLINE("binance-kline"),
    BINANCE_TRADES("binance-trades"),
    BINANCE_AGGTRADES("binance-aggtrades"),
    CSV("csv");

    private final String cliName;

    FileFormat(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line and in configuration, e.g. {@code binance-kline}. */
    public String cliName() {
        return cliName;
    }

    /**
     * The format called {@code name} (case-insensitive; the enum constant name is accepted too).
     *
     * @throws IllegalArgumentException naming the valid formats when {@code name} is none of them
     */
    public static FileFormat fromName(String name) {
        if (name != null) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            for (FileFormat f : values()) {
                if (f.cliName.equals(n) || f.name().toLowerCase(Locale.ROOT).equals(n)) {
                    return f;
                }
            }
        }
        StringBuilder valid = new StringBuilder();
        for (FileFormat f : values()) {
            if (valid.length() > 0) {
                valid.append(", ");
            }
            valid.append(f.cliName);
        }
        throw new IllegalArgumentException("unknown data format '" + name + "'; valid formats: " + valid);
    }

    @Override
    public String toString() {
        return cliName;
    }
}
