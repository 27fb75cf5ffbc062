package io.ttquant.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.ttquant.core.marketdata.MarketDataKind;
import io.ttquant.transport.Topics;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checks of the market data settings every process reading the bus shares (the gateway's and
 * the strategy engine's {@code marketdata:} section): its keys read from a config file, a venue
 * name as it stands in bus topics and the kinds to subscribe to, each refused with one line naming
 * the key. It keeps nothing and checks only what both processes check alike.
 */
public final class MarketDataSettings {
    /** The keys of a {@code marketdata:} section. */
    public static final Set<String> KEYS = Set.of("endpoint", "venue", "qty-scale", "kinds");

    /** A process's config builder, which checks and keeps each market data setting it is given. */
    public interface Target {
        Object marketDataEndpoint(String key, String text);

        Object marketDataVenue(String key, String text);

        Object qtyScale(String key, String text);

        Object marketDataKinds(String key, List<String> names);
    }

    private MarketDataSettings() {
    }

    /** Hands the {@code marketdata:} section under {@code root} (prefix {@code p}), when there is one, to {@code b}. */
    public static void read(YamlConfigFile yaml, JsonNode root, String p, Target b) {
        JsonNode md = yaml.section(root, "marketdata", p, KEYS);
        if (md == null) {
            return;
        }
        String q = p + "marketdata.";
        if (md.has("endpoint")) {
            b.marketDataEndpoint(yaml.key(q + "endpoint"), yaml.scalar(md, "endpoint", q));
        }
        if (md.has("venue")) {
            b.marketDataVenue(yaml.key(q + "venue"), yaml.scalar(md, "venue", q));
        }
        if (md.has("qty-scale")) {
            b.qtyScale(yaml.key(q + "qty-scale"), yaml.scalar(md, "qty-scale", q));
        }
        if (md.has("kinds")) {
            b.marketDataKinds(yaml.key(q + "kinds"), yaml.list(md, "kinds", q));
        }
    }

    /**
     * {@code venue} when it can name a venue in bus topics.
     *
     * @throws IllegalArgumentException {@code key: } and why it cannot
     */
    public static String venue(String key, String venue) {
        try {
            Topics.checkVenue(venue);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage());
        }
        return venue;
    }

    /**
     * The kinds named (trade, quote, book, bar; any case); at least one.
     *
     * @throws IllegalArgumentException {@code key: } and the name not known, or that none was given
     */
    public static EnumSet<MarketDataKind> kinds(String key, List<String> names) {
        EnumSet<MarketDataKind> kinds = EnumSet.noneOf(MarketDataKind.class);
        for (String n : names) {
            MarketDataKind k = null;
            for (MarketDataKind c : MarketDataKind.values()) {
                if (c.topicName().equals(n.trim().toLowerCase(Locale.ROOT))) {
                    k = c;
                }
            }
            if (k == null) {
                throw new IllegalArgumentException(key + ": market data kinds are trade, quote, book and bar, got '" + n + "'");
            }
            kinds.add(k);
        }
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException(key + ": at least one market data kind is needed");
        }
        return kinds;
    }
}
