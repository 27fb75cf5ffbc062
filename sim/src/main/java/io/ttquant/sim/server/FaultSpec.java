package io.ttquant.sim.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One change to the injected faults, as sent to {@code POST /admin/faults} (a flat JSON object or
 * a form body) or given at start ({@code --fault KEY=VALUE}): only the keys present change. Parsed
 * and validated here, off the engine thread; {@link FaultInjector#apply} then only assigns.
 *
 * <p>Never throws on bad input: {@link #error()} names the offending key instead.
 */
final class FaultSpec {
    /** Every accepted key, in the order {@code --help} and the error message list them. */
    static final String KEYS = "dropAllConnections, wsDropRate, seed, delayMs, delayStream, dropFraction, dropStream, "
            + "stallSeconds, stallStream, restStatus, restSeconds, clockSkewMs, serverShutdown, serverShutdownGraceMs";
    static final long MAX_DELAY_MILLIS = 600_000L;
    static final long MAX_WINDOW_SECONDS = 86_400L;
    static final long MAX_SKEW_MILLIS = 86_400_000L;
    /** Grace between a triggered {@code serverShutdown} event and the disconnection, unless the request gives one. */
    static final long DEFAULT_SHUTDOWN_GRACE_MILLIS = 1_000L;
    static final FaultSpec NONE = new FaultSpec();
    private static final JsonFactory JSON = new JsonFactory();

    boolean dropAllConnections;
    Double wsDropRate;
    Long seed;
    Long delayMs;
    String delayStream;
    Double dropFraction;
    String dropStream;
    Long stallSeconds;
    String stallStream;
    Integer restStatus;
    Long restSeconds;
    Long clockSkewMs;
    boolean serverShutdown;
    Long serverShutdownGraceMs;
    private String error;

    private FaultSpec() {
    }

    private static FaultSpec failed(String msg) {
        FaultSpec s = new FaultSpec();
        s.error = msg;
        return s;
    }

    /** Null when valid, else a one-line reason naming the key. */
    String error() {
        return error;
    }

    /** Parses an admin body: a JSON object when it starts with '{', else {@code key=value&...}. */
    static FaultSpec parse(String body) {
        String text = body == null ? "" : body.trim();
        if (text.isEmpty()) {
            return failed("empty body; send a JSON object or a form with any of: " + KEYS);
        }
        if (text.charAt(0) == '{') {
            return parseJson(text);
        }
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                return failed("malformed form field '" + pair + "'; expected key=value");
            }
            try {
                String k = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (form.put(k, v) != null) {
                    return failed("duplicate key '" + k + "'");
                }
            } catch (IllegalArgumentException e) {
                return failed("malformed percent-encoding in '" + pair + "'");
            }
        }
        return of(form);
    }

    private static FaultSpec parseJson(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return failed("expected a JSON object");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String k = p.currentName();
                JsonToken v = p.nextToken();
                if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                    return failed("value of '" + k + "' must be a string, number or boolean");
                }
                if (fields.put(k, v == JsonToken.VALUE_NULL ? null : p.getText()) != null) {
                    return failed("duplicate key '" + k + "'");
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                return failed("malformed JSON: trailing content after the object");
            }
        } catch (JsonProcessingException e) {
            return failed("malformed JSON: " + e.getOriginalMessage());
        } catch (IOException | RuntimeException e) {
            return failed("malformed JSON");
        }
        return of(fields);
    }

    /** Validates key/value pairs (the CLI's {@code --fault} map and both body formats end here). */
    static FaultSpec of(Map<String, String> fields) {
        FaultSpec s = new FaultSpec();
        try {
            for (Map.Entry<String, String> e : fields.entrySet()) {
                String k = e.getKey();
                String v = e.getValue();
                switch (k) {
                    case "dropAllConnections" -> s.dropAllConnections = bool(k, v);
                    case "wsDropRate" -> s.wsDropRate = fraction(k, v);
                    case "seed" -> s.seed = longIn(k, v, Long.MIN_VALUE, Long.MAX_VALUE);
                    case "delayMs" -> s.delayMs = longIn(k, v, 0, MAX_DELAY_MILLIS);
                    case "delayStream" -> s.delayStream = stream(k, v);
                    case "dropFraction" -> s.dropFraction = fraction(k, v);
                    case "dropStream" -> s.dropStream = stream(k, v);
                    case "stallSeconds" -> s.stallSeconds = longIn(k, v, 0, MAX_WINDOW_SECONDS);
                    case "stallStream" -> s.stallStream = stream(k, v);
                    case "restStatus" -> {
                        long st = longIn(k, v, 0, 599);
                        if (st != 0 && st != 429 && st != 418 && st != 500 && st != 502 && st != 503) {
                            throw new IllegalArgumentException("restStatus must be 429, 418, 500, 502, 503 or 0 (off), got " + v);
                        }
                        s.restStatus = (int) st;
                    }
                    case "restSeconds" -> s.restSeconds = longIn(k, v, 1, MAX_WINDOW_SECONDS);
                    case "clockSkewMs" -> s.clockSkewMs = longIn(k, v, -MAX_SKEW_MILLIS, MAX_SKEW_MILLIS);
                    case "serverShutdown" -> s.serverShutdown = bool(k, v);
                    case "serverShutdownGraceMs" -> s.serverShutdownGraceMs = longIn(k, v, 0, MAX_DELAY_MILLIS);
                    default -> throw new IllegalArgumentException("unknown key '" + k + "'; known keys: " + KEYS);
                }
            }
        } catch (IllegalArgumentException e) {
            return failed(e.getMessage());
        }
        if (s.serverShutdownGraceMs != null && !s.serverShutdown) {
            return failed("serverShutdownGraceMs needs serverShutdown=true");
        }
        if (s.delayStream != null && s.delayMs == null) {
            return failed("delayStream needs delayMs");
        }
        if (s.dropStream != null && s.dropFraction == null) {
            return failed("dropStream needs dropFraction");
        }
        if (s.stallStream != null && s.stallSeconds == null) {
            return failed("stallStream needs stallSeconds");
        }
        if (s.restStatus != null && s.restStatus != 0 && s.restSeconds == null) {
            return failed("restStatus needs restSeconds (how long the window lasts)");
        }
        if (s.restSeconds != null && (s.restStatus == null || s.restStatus == 0)) {
            return failed("restSeconds needs restStatus (429, 418, 500, 502 or 503)");
        }
        return s;
    }

    private static String need(String k, String v) {
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("'" + k + "' needs a value");
        }
        return v;
    }

    private static boolean bool(String k, String v) {
        return switch (need(k, v)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("'" + k + "' must be true or false, got " + v);
        };
    }

    private static double fraction(String k, String v) {
        double d;
        try {
            d = Double.parseDouble(need(k, v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + k + "' must be a number from 0 to 1, got " + v);
        }
        if (!(d >= 0 && d <= 1)) {
            throw new IllegalArgumentException("'" + k + "' must be a number from 0 to 1, got " + v);
        }
        return d;
    }

    private static long longIn(String k, String v, long min, long max) {
        long l;
        try {
            l = Long.parseLong(need(k, v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + k + "' must be a whole number from " + min + " to " + max + ", got " + v);
        }
        if (l < min || l > max) {
            throw new IllegalArgumentException("'" + k + "' must be a whole number from " + min + " to " + max + ", got " + v);
        }
        return l;
    }

    /** A stream name as clients spell it; "*" (or absent) means every stream. */
    private static String stream(String k, String v) {
        String s = need(k, v);
        if (s.equals("*")) {
            return "*";
        }
        StreamName parsed = s.length() > 200 ? null : StreamName.parse(s);
        if (parsed == null) {
            throw new IllegalArgumentException("'" + k + "' must be a stream name such as btcusdt@trade, or *, got " + v);
        }
        return parsed.name();
    }
}
