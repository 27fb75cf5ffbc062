package io.ttquant.sim.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One control message a client sent on a market-data WebSocket ({@code SUBSCRIBE},
 * {@code UNSUBSCRIBE}, {@code LIST_SUBSCRIPTIONS}, {@code SET_PROPERTY}, {@code GET_PROPERTY}),
 * parsed with jackson-core's streaming parser, or the Binance error that answers it
 * ({@code {"error":{"code":2,"msg":"Invalid request: ..."},"id":..}}).
 *
 * <p>Parsing happens on an I/O thread and touches no exchange state. Garbage never throws out of
 * {@link #parse(String)}: it becomes an error command.
 */
final class WsCommand {
    enum Method { SUBSCRIBE, UNSUBSCRIBE, LIST_SUBSCRIPTIONS, SET_PROPERTY, GET_PROPERTY }

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(4096).build())
            .build();
    private static final String METHODS = "`SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, `GET_PROPERTY`";

    final Method method;
    /** Stream names for SUBSCRIBE/UNSUBSCRIBE (already validated), property name for the property methods. */
    final List<StreamName> streams;
    final String property;
    final Boolean propertyValue;
    /** The request id: a Long, a String, or null. */
    final Object id;
    final int errorCode;
    final String errorMsg;

    private WsCommand(Method method, List<StreamName> streams, String property, Boolean propertyValue, Object id,
                      int errorCode, String errorMsg) {
        this.method = method;
        this.streams = streams;
        this.property = property;
        this.propertyValue = propertyValue;
        this.id = id;
        this.errorCode = errorCode;
        this.errorMsg = errorMsg;
    }

    boolean isError() {
        return errorMsg != null;
    }

    static WsCommand error(int code, String msg, Object id) {
        return new WsCommand(null, List.of(), null, null, id, code, msg);
    }

    /** Parses one text frame; never throws. */
    static WsCommand parse(String text) {
        try (JsonParser p = JSON.createParser(text)) {
            return parse(p);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 1 : Math.max(1, loc.getLineNr());
            int col = loc == null ? 1 : Math.max(1, loc.getColumnNr());
            return error(3, "Invalid JSON: expected value at line " + line + " column " + col, null);
        } catch (IOException | RuntimeException e) {
            return error(3, "Invalid JSON: expected value at line 1 column 1", null);
        }
    }

    private static WsCommand parse(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            return error(3, "Invalid JSON: EOF while parsing a value at line 1 column 0", null);
        }
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return error(2, "Invalid request: invalid type, expected struct Request at line 1 column " + column(p), null);
        }
        String methodText = null;
        boolean methodSeen = false;
        boolean methodIsString = true;
        List<String> params = null;
        List<JsonToken> paramTypes = null;
        boolean paramsSeen = false;
        boolean paramsIsArray = true;
        Object id = null;
        boolean idValid = true;
        int methodColumn = 0;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "method" -> {
                    methodSeen = true;
                    methodColumn = column(p);
                    if (v == JsonToken.VALUE_STRING) {
                        methodText = p.getText();
                    } else {
                        methodIsString = false;
                        p.skipChildren();
                    }
                }
                case "params" -> {
                    paramsSeen = true;
                    if (v == JsonToken.START_ARRAY) {
                        params = new ArrayList<>();
                        paramTypes = new ArrayList<>();
                        JsonToken e;
                        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                            if (e == JsonToken.START_ARRAY || e == JsonToken.START_OBJECT) {
                                p.skipChildren();
                                params.add(null);
                            } else {
                                params.add(e == JsonToken.VALUE_STRING ? p.getText() : p.getText());
                            }
                            paramTypes.add(e);
                            if (params.size() > 2048) {
                                return error(2, "Invalid request: too many parameters", null);
                            }
                        }
                    } else if (v == JsonToken.VALUE_NULL) {
                        params = null;
                        paramsSeen = false;
                    } else {
                        paramsIsArray = false;
                        p.skipChildren();
                    }
                }
                case "id" -> {
                    if (v == JsonToken.VALUE_NUMBER_INT) {
                        try {
                            id = p.getLongValue();
                        } catch (IOException overflow) {
                            idValid = false;
                        }
                    } else if (v == JsonToken.VALUE_STRING) {
                        String s = p.getText();
                        idValid = isValidStringId(s);
                        id = idValid ? s : null;
                    } else if (v == JsonToken.VALUE_NULL) {
                        id = null;
                    } else {
                        idValid = false;
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) {
            return error(3, "Invalid JSON: expected value at line 1 column " + column(p), null);
        }
        if (p.nextToken() != null) {
            return error(3, "Invalid JSON: trailing characters at line 1 column " + column(p), null);
        }
        if (!idValid) {
            return error(2, "Invalid request: request ID must be an unsigned integer", null);
        }
        if (!methodSeen) {
            return error(2, "Invalid request: missing field `method` at line 1 column " + column(p), id);
        }
        Method method = methodIsString ? method(methodText) : null;
        if (method == null) {
            String shown = methodIsString ? methodText : "<non-string>";
            return error(2, "Invalid request: unknown variant `" + shown + "`, expected one of " + METHODS
                    + " at line 1 column " + methodColumn, id);
        }
        if (!paramsIsArray) {
            return error(2, "Invalid request: invalid type, expected a sequence for `params`", id);
        }
        switch (method) {
            case SUBSCRIBE, UNSUBSCRIBE -> {
                if (!paramsSeen || params.isEmpty()) {
                    return error(2, "Invalid request: missing field `params`", id);
                }
                List<StreamName> streams = new ArrayList<>(params.size());
                for (int i = 0; i < params.size(); i++) {
                    StreamName s = paramTypes.get(i) == JsonToken.VALUE_STRING ? StreamName.parse(params.get(i)) : null;
                    if (s == null) {
                        return error(2, "Invalid request: invalid stream", id);
                    }
                    streams.add(s);
                }
                return new WsCommand(method, streams, null, null, id, 0, null);
            }
            case LIST_SUBSCRIPTIONS -> {
                if (paramsSeen && !params.isEmpty()) {
                    return error(2, "Invalid request: too many parameters", id);
                }
                return new WsCommand(method, List.of(), null, null, id, 0, null);
            }
            case SET_PROPERTY -> {
                if (!paramsSeen || params.isEmpty() || paramTypes.get(0) != JsonToken.VALUE_STRING) {
                    return error(2, "Invalid request: property name must be a string", id);
                }
                if (params.size() > 2) {
                    return error(2, "Invalid request: too many parameters", id);
                }
                if (!"combined".equals(params.get(0))) {
                    return error(0, "Unknown property", id);
                }
                if (params.size() < 2 || (paramTypes.get(1) != JsonToken.VALUE_TRUE && paramTypes.get(1) != JsonToken.VALUE_FALSE)) {
                    return error(1, "Invalid value type: expected Boolean", id);
                }
                return new WsCommand(method, List.of(), "combined", paramTypes.get(1) == JsonToken.VALUE_TRUE, id, 0, null);
            }
            case GET_PROPERTY -> {
                if (!paramsSeen || params.isEmpty() || paramTypes.get(0) != JsonToken.VALUE_STRING) {
                    return error(2, "Invalid request: property name must be a string", id);
                }
                if (params.size() > 1) {
                    return error(2, "Invalid request: too many parameters", id);
                }
                if (!"combined".equals(params.get(0))) {
                    return error(0, "Unknown property", id);
                }
                return new WsCommand(method, List.of(), "combined", null, id, 0, null);
            }
            default -> throw new IllegalStateException("unhandled method " + method);
        }
    }

    private static Method method(String text) {
        if (text == null) {
            return null;
        }
        for (Method m : Method.values()) {
            if (m.name().equals(text)) {
                return m;
            }
        }
        return null;
    }

    /** Binance accepts an integer, null, or an alphanumeric string of at most 36 characters. */
    private static boolean isValidStringId(String s) {
        if (s.isEmpty() || s.length() > 36) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static int column(JsonParser p) {
        JsonLocation loc = p.currentLocation();
        return loc == null ? 1 : Math.max(1, loc.getColumnNr());
    }

    /** Writes the answer {@code {"result":..,"id":..}} or {@code {"error":{..},"id":..}} for an error command. */
    void writeError(JsonWriter w) {
        w.beginObject().name("error").beginObject().field("code", errorCode).field("msg", errorMsg).endObject();
        writeId(w);
        w.endObject();
    }

    void writeId(JsonWriter w) {
        w.name("id");
        if (id instanceof Long l) {
            w.value(l);
        } else if (id instanceof String s) {
            w.value(s);
        } else {
            w.nullValue();
        }
    }
}
