package io.ttquant.sim.server;

import java.util.ArrayList;
import java.util.List;

/**
 * One REST call as the engine sees it, decoded by an I/O thread into plain values (method, path,
 * the query string and body exactly as sent, the {@code X-MBX-APIKEY} header, the client's IP),
 * and the answer the engine fills in (status, body, extra headers). Hand-off object between the
 * Netty handler and {@link RestApi}; it carries no Netty types so the API can be tested without a
 * socket.
 *
 * <p>Created per request; written by one thread at a time (I/O thread, then the engine, then the
 * I/O thread again when the response is written).
 */
final class RestExchange {
    static final String JSON = "application/json;charset=UTF-8";
    static final String HTML = "text/html";

    final String method;
    final String path;
    final String rawQuery;
    final String rawBody;
    final String apiKey;
    final String ip;
    /** The parameters, parsed by the I/O thread (null: the engine parses them). */
    RequestParams params;
    /** Whether the signature verified, computed by the I/O thread for a known key (null: not computed). */
    Boolean signatureValid;

    int status = 200;
    byte[] body;
    String contentType = JSON;
    final List<String> headerNames = new ArrayList<>(4);
    final List<String> headerValues = new ArrayList<>(4);

    RestExchange(String method, String path, String rawQuery, String rawBody, String apiKey, String ip) {
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery;
        this.rawBody = rawBody;
        this.apiKey = apiKey;
        this.ip = ip;
    }

    void header(String name, String value) {
        headerNames.add(name);
        headerValues.add(value);
    }

    String header(String name) {
        for (int i = 0; i < headerNames.size(); i++) {
            if (headerNames.get(i).equalsIgnoreCase(name)) {
                return headerValues.get(i);
            }
        }
        return null;
    }

    /** The answer as Binance's error JSON with the error's HTTP status (and Retry-After when it has one). */
    void error(RestError e, JsonWriter w) {
        status = e.httpStatus();
        contentType = JSON;
        body = w.reset().beginObject().field("code", e.code()).field("msg", e.msg()).endObject().toBytes();
        if (e.retryAfterSeconds() != RestError.NO_RETRY_AFTER) {
            header("Retry-After", Long.toString(e.retryAfterSeconds()));
        }
    }

    void ok(JsonWriter w) {
        status = 200;
        contentType = JSON;
        body = w.toBytes();
    }
}
