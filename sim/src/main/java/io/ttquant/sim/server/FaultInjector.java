package io.ttquant.sim.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Faults on demand for the reliability tests of other components: dropped WebSocket connections
 * (all at once, or each with a probability per second), delayed or dropped stream messages, a
 * stalled stream, REST answered 429 / 418 / 5xx for a window, and a skewed server clock. Changed
 * by {@code /admin/faults} and the start configuration; every time window runs on the engine's
 * clock, so a test clock drives it. Delayed messages wait in a bounded queue: past
 * {@code maxDelayed} they are dropped and counted rather than held without bound.
 *
 * <p>Confined to the engine thread. When no WebSocket fault is set the stream path pays one
 * boolean test ({@link #wsActive()}); nothing here may block or throw on that path. Admin requests
 * never pass through here as REST requests, so they are never faulted.
 */
final class FaultInjector {
    /** What to do with one message for one subscriber. */
    static final int SEND = 0;
    static final int DROP = 1;
    static final int DELAY = 2;

    private final SimServerStats stats;
    private final int weightLimit;
    private final int maxDelayed;
    private SplittableRandom random;
    private long seed;
    private double wsDropRate;
    private long nextDropCheck = Long.MIN_VALUE;
    private long delayMs;
    private String delayStream;
    private double dropFraction;
    private String dropStream;
    private String stallStream;
    private long stallUntil = Long.MIN_VALUE;
    private int restStatus;
    private long restUntil;
    private long clockSkewMs;
    private boolean wsActive;
    private final ArrayDeque<Delayed> delayed = new ArrayDeque<>();

    /**
     * {@code weightLimit}: the per-minute weight quoted in a faked 429's message; {@code maxDelayed}:
     * the most messages a delay may hold at once.
     */
    FaultInjector(long seed, int weightLimit, int maxDelayed, SimServerStats stats) {
        this.stats = stats;
        this.weightLimit = weightLimit;
        this.maxDelayed = maxDelayed;
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /** Applies the keys present in {@code s} (already validated) at engine time {@code now}. */
    void apply(FaultSpec s, long now, StreamHub hub) {
        if (s.seed != null) {
            seed = s.seed;
            random = new SplittableRandom(seed);
        }
        if (s.wsDropRate != null) {
            wsDropRate = s.wsDropRate;
            nextDropCheck = now + 1000;
        }
        if (s.delayMs != null) {
            delayMs = s.delayMs;
            delayStream = all(s.delayStream);
        }
        if (s.dropFraction != null) {
            dropFraction = s.dropFraction;
            dropStream = all(s.dropStream);
        }
        if (s.stallSeconds != null) {
            stallStream = all(s.stallStream);
            stallUntil = s.stallSeconds == 0 ? Long.MIN_VALUE : now + s.stallSeconds * 1000;
        }
        if (s.restStatus != null) {
            restStatus = s.restStatus;
            restUntil = restStatus == 0 ? 0 : now + s.restSeconds * 1000;
        }
        if (s.clockSkewMs != null) {
            clockSkewMs = s.clockSkewMs;
        }
        if (s.dropAllConnections && hub != null) {
            dropAll(hub);
        }
        updateWsActive(now);
    }

    /** Clears every fault; delayed messages are released at the next tick. */
    void clear() {
        wsDropRate = 0;
        delayMs = 0;
        delayStream = null;
        dropFraction = 0;
        dropStream = null;
        stallStream = null;
        stallUntil = Long.MIN_VALUE;
        restStatus = 0;
        restUntil = 0;
        clockSkewMs = 0;
        wsActive = false;
        for (Delayed d : delayed) {
            d.releaseAt = Long.MIN_VALUE;
        }
    }

    private static String all(String stream) {
        return stream == null || stream.equals("*") ? null : stream;
    }

    long clockSkewMillis() {
        return clockSkewMs;
    }

    // ---- REST ----

    /** The error that answers a REST request at {@code now}, or null outside a fault window. */
    RestError restFault(long now) {
        if (restStatus == 0) {
            return null;
        }
        if (now >= restUntil) {
            restStatus = 0;
            return null;
        }
        long retryAfter = Math.max(1, (restUntil - now + 999) / 1000);
        stats.faultRestAnswers.incrementAndGet();
        return switch (restStatus) {
            case 429 -> RestError.tooMuchWeight(weightLimit, retryAfter);
            case 418 -> RestError.ipBanned(restUntil, retryAfter);
            case 500 -> RestError.unknown();
            case 502 -> RestError.of(502, -1001, "Internal error; unable to process your request. Please try again.");
            default -> RestError.of(503, -1008, "Server is currently overloaded with other requests. Please try again in a few minutes.");
        };
    }

    // ---- WebSocket ----

    /** True when some message fault (delay, drop, stall) is set: the stream path must ask {@link #decide}. */
    boolean wsActive() {
        return wsActive;
    }

    /** True when {@code stream} is stalled at {@code now}: nothing of it goes out. */
    boolean stalled(String stream, long now) {
        if (stallUntil == Long.MIN_VALUE) {
            return false;
        }
        if (now >= stallUntil) {
            stallUntil = Long.MIN_VALUE;
            stallStream = null;
            updateWsActive(now);
            return false;
        }
        return stallStream == null || stallStream.equals(stream);
    }

    /** {@link #SEND}, {@link #DROP} or {@link #DELAY} for one message of {@code stream} to one subscriber. */
    int decide(String stream) {
        if (dropFraction > 0 && (dropStream == null || dropStream.equals(stream))
                && (dropFraction >= 1 || random.nextDouble() < dropFraction)) {
            stats.faultDroppedMessages.incrementAndGet();
            return DROP;
        }
        if (delayMs > 0 && (delayStream == null || delayStream.equals(stream))) {
            return DELAY;
        }
        return SEND;
    }

    /**
     * Holds {@code payload} for {@code c} until the delay has passed on the engine clock; drops it
     * (counted) when the queue already holds its maximum.
     */
    void delay(WsConnection c, byte[] payload, long now) {
        if (delayed.size() >= maxDelayed) {
            stats.faultDelayOverflowDrops.incrementAndGet();
            return;
        }
        stats.faultDelayedMessages.incrementAndGet();
        delayed.addLast(new Delayed(now + delayMs, c, payload));
    }

    /**
     * The engine's duty cycle: releases delayed messages that are due (in arrival order, so one
     * connection's messages never overtake each other) and, once per engine second, drops each
     * connection with the configured probability.
     */
    void tick(long now, StreamHub hub) {
        while (!delayed.isEmpty() && delayed.peekFirst().releaseAt <= now) {
            Delayed d = delayed.pollFirst();
            hub.send(d.connection, d.payload);
        }
        if (stallUntil != Long.MIN_VALUE && now >= stallUntil) {
            stallUntil = Long.MIN_VALUE;
            stallStream = null;
            updateWsActive(now);
        }
        if (wsDropRate > 0 && now >= nextDropCheck) {
            nextDropCheck = now + 1000;
            List<WsConnection> victims = new ArrayList<>();
            for (WsConnection c : hub.connections()) {
                if (random.nextDouble() < wsDropRate) {
                    victims.add(c);
                }
            }
            for (WsConnection c : victims) {
                drop(c, hub);
            }
        }
    }

    private void dropAll(StreamHub hub) {
        for (WsConnection c : new ArrayList<>(hub.connections())) {
            drop(c, hub);
        }
    }

    /** Cuts the TCP connection without a close frame, as a network failure would. */
    private void drop(WsConnection c, StreamHub hub) {
        stats.faultDisconnects.incrementAndGet();
        c.abort();
        hub.remove(c);
    }

    private void updateWsActive(long now) {
        wsActive = delayMs > 0 || dropFraction > 0 || (stallUntil != Long.MIN_VALUE && now < stallUntil);
    }

    /** The current state as JSON, for {@code GET /admin/faults}. */
    void writeState(JsonWriter w, long now) {
        w.reset().beginObject();
        boolean rest = restStatus != 0 && now < restUntil;
        w.field("restStatus", rest ? restStatus : 0);
        w.field("restSecondsLeft", rest ? (restUntil - now + 999) / 1000 : 0);
        w.field("clockSkewMs", clockSkewMs);
        w.name("wsDropRate");
        decimal(w, wsDropRate);
        w.field("delayMs", delayMs);
        w.field("delayStream", delayStream == null ? "*" : delayStream);
        w.name("dropFraction");
        decimal(w, dropFraction);
        w.field("dropStream", dropStream == null ? "*" : dropStream);
        boolean stall = stallUntil != Long.MIN_VALUE && now < stallUntil;
        w.field("stallStream", stall ? (stallStream == null ? "*" : stallStream) : "");
        w.field("stallSecondsLeft", stall ? (stallUntil - now + 999) / 1000 : 0);
        w.field("delayedMessages", delayed.size());
        w.field("maxDelayedMessages", maxDelayed);
        w.field("seed", seed);
        w.endObject();
    }

    private static void decimal(JsonWriter w, double d) {
        byte[] b = Double.toString(d).getBytes(StandardCharsets.US_ASCII);
        w.rawValue(b, 0, b.length);
    }

    /** A message held back by a delay fault. */
    private static final class Delayed {
        long releaseAt;
        final WsConnection connection;
        final byte[] payload;

        Delayed(long releaseAt, WsConnection connection, byte[] payload) {
            this.releaseAt = releaseAt;
            this.connection = connection;
            this.payload = payload;
        }
    }
}
