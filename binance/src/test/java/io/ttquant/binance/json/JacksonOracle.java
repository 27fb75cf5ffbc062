package io.ttquant.binance.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An independent JSON reader for tests: Jackson's streaming parser (jackson-core, default strict
 * settings) decides whether text is valid JSON and turns it into plain Java values, with every
 * number as a {@link BigDecimal}.
 */
public final class JacksonOracle {
    /** Stands for JSON {@code null} in {@link #tree}. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private static final JsonFactory FACTORY = new JsonFactory();

    private JacksonOracle() {
    }

    /** True when the bytes hold exactly one valid JSON value (surrounding whitespace allowed). */
    public static boolean isValid(byte[] bytes, int off, int len) {
        try (JsonParser p = FACTORY.createParser(bytes, off, len)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return false;
            }
            int depth = 0;
            do {
                if (t.isStructStart()) {
                    depth++;
                } else if (t.isStructEnd()) {
                    depth--;
                } else if (t == JsonToken.VALUE_STRING || t == JsonToken.FIELD_NAME) {
                    p.getText();
                }
                if (depth == 0) {
                    break;
                }
                t = p.nextToken();
            } while (t != null);
            return depth == 0 && p.nextToken() == null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The document as maps (in field order), lists, strings, BigDecimals, Booleans and {@link #NULL}. */
    public static Object tree(byte[] bytes, int off, int len) {
        try (JsonParser p = FACTORY.createParser(bytes, off, len)) {
            return value(p, p.nextToken());
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    public static Object tree(String json) {
        byte[] b = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return tree(b, 0, b.length);
    }

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
                    String name = p.currentName();
                    map.put(name, value(p, p.nextToken()));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(value(p, t));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return p.getDecimalValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return NULL;
            default:
                throw new IOException("unexpected token " + t);
        }
    }
}
