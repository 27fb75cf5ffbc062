package io.ttquant.core.instrument;

import java.util.Locale;

/**
 * Built-in rules for common Binance spot symbols, so a backtest can start from a symbol name
 * alone. The figures are Binance spot exchange rules (tick size, step size, minimum notional);
 * a user can override them on the command line. Unknown symbols get conservative defaults
 * (8 decimal prices, 8 decimal quantities) only when explicitly asked for.
 */
public final class Instruments {
    private static final String[] QUOTES = {"USDT", "USDC", "FDUSD", "BUSD", "TUSD", "BTC", "ETH", "BNB", "EUR", "TRY"};

    private Instruments() {
    }

    /** The built-in rules for {@code symbol}, or {@code null} if none are known. */
    public static Instrument binanceSpot(String symbol) {
        switch (symbol.toUpperCase(Locale.ROOT)) {
            case "BTCUSDT":
                return Instrument.builder("BTCUSDT").tickSize("0.01").stepSize("0.00001")
                        .minQty("0.00001").maxQty("9000").minNotional("5").build();
            case "ETHUSDT":
                return Instrument.builder("ETHUSDT").tickSize("0.01").stepSize("0.0001")
                        .minQty("0.0001").maxQty("9000").minNotional("5").build();
            case "BNBUSDT":
                return Instrument.builder("BNBUSDT").tickSize("0.01").stepSize("0.001")
                        .minQty("0.001").maxQty("9000").minNotional("5").build();
            case "SOLUSDT":
                return Instrument.builder("SOLUSDT").tickSize("0.01").stepSize("0.001")
                        .minQty("0.001").maxQty("9000").minNotional("5").build();
            case "ADABTC":
                return Instrument.builder("ADABTC").tickSize("0.00000001").stepSize("0.1")
                        .minQty("0.1").maxQty("9000000").minNotional("0.0001").build();
            case "ETHBTC":
                return Instrument.builder("ETHBTC").tickSize("0.00001").stepSize("0.0001")
                        .minQty("0.0001").maxQty("100000").minNotional("0.0001").build();
            default:
                return null;
        }
    }

    /** Generic rules for an unknown symbol: 8-decimal prices and quantities, no minimum notional. */
    public static Instrument generic(String symbol) {
        return Instrument.builder(symbol.toUpperCase(Locale.ROOT)).tickSize("0.00000001").stepSize("0.00000001").build();
    }

    /** Splits a Binance symbol such as BTCUSDT into base and quote by its known quote suffixes. */
    public static String[] splitSymbol(String symbol) {
        for (String q : QUOTES) {
            if (symbol.endsWith(q) && symbol.length() > q.length()) {
                return new String[] {symbol.substring(0, symbol.length() - q.length()), q};
            }
        }
        throw new IllegalArgumentException("cannot tell base and quote asset of " + symbol + "; give them explicitly");
    }
}
