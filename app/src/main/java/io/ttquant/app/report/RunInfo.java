package io.ttquant.app.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the caller knows about a backtest run that the result does not carry: how it was started and
 * described, for the header of the report and the summary. Immutable; the parameters keep the
 * caller's order.
 *
 * <p>It never reads the clock or the environment: {@code generatedAt} and {@code wallClockMillis}
 * are supplied by the caller, so a report can be reproduced byte for byte.
 *
 * @param strategyName    the strategy's name as the user chose it (e.g. {@code sma-cross})
 * @param parameters      strategy parameters, name to value as text, in display order
 * @param symbols         the traded symbols (e.g. {@code BTCUSDT})
 * @param dataDescription where the market data came from (files, interval, rows)
 * @param fillModel       how fills were simulated (latency, slippage, fees), as text
 * @param commandLine     the command that produced the run, as text
 * @param wallClockMillis how long the run took, in milliseconds, {@code >= 0}
 * @param generatedAt     when the report was generated, as the caller wants it shown (ISO-8601 advised)
 */
public record RunInfo(
        String strategyName,
        Map<String, String> parameters,
        List<String> symbols,
        String dataDescription,
        String fillModel,
        String commandLine,
        long wallClockMillis,
        String generatedAt) {

    /** Checks every field is present and copies the collections. */
    public RunInfo {
        Objects.requireNonNull(strategyName, "strategyName");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(symbols, "symbols");
        Objects.requireNonNull(dataDescription, "dataDescription");
        Objects.requireNonNull(fillModel, "fillModel");
        Objects.requireNonNull(commandLine, "commandLine");
        Objects.requireNonNull(generatedAt, "generatedAt");
        if (wallClockMillis < 0) {
            throw new IllegalArgumentException("wallClockMillis must not be negative: " + wallClockMillis);
        }
        Map<String, String> copy = new LinkedHashMap<>();
        parameters.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "parameter name"), Objects.requireNonNull(v, "value of " + k)));
        parameters = Collections.unmodifiableMap(copy);
        symbols = List.copyOf(symbols);
    }

    /** A run on one symbol. */
    public RunInfo(String strategyName, Map<String, String> parameters, String symbol, String dataDescription,
                   String fillModel, String commandLine, long wallClockMillis, String generatedAt) {
        this(strategyName, parameters, List.of(Objects.requireNonNull(symbol, "symbol")), dataDescription, fillModel,
                commandLine, wallClockMillis, generatedAt);
    }

    /** The symbols joined by commas, as one field. */
    public String symbolText() {
        return String.join(",", symbols);
    }
}
