package io.ttquant.core.strategy;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Named strategy parameters as given on the command line or in configuration ({@code fast=10}).
 * Typed getters refuse missing or malformed values with an {@link IllegalArgumentException} whose
 * message is fit to show a user.
 */
public final class StrategyParams {
    private final Map<String, String> values;

    public StrategyParams(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static StrategyParams empty() {
        return new StrategyParams(Map.of());
    }

    public Set<String> names() {
        return values.keySet();
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String string(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    public int integer(String name, int defaultValue) {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + name + " must be an integer, got '" + v + "'");
        }
    }

    public double decimal(String name, double defaultValue) {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + name + " must be a number, got '" + v + "'");
        }
    }

    /** A positive decimal given as text (a quantity, say), kept as text for the instrument to parse exactly. */
    public String positiveDecimal(String name, String defaultValue) {
        return requirePositiveDecimal(name, values.getOrDefault(name, defaultValue));
    }

    /** Checks that {@code text} is a positive decimal and returns it trimmed; the message names the parameter. */
    public static String requirePositiveDecimal(String name, String text) {
        BigDecimal v;
        try {
            v = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + name + " must be a number, got '" + text + "'");
        }
        if (v.signum() <= 0) {
            throw new IllegalArgumentException("parameter " + name + " must be positive, got " + text);
        }
        return text.trim();
    }

    public Map<String, String> asMap() {
        return values;
    }
}
