package io.ttquant.app.metrics;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Serves one process's Prometheus registry at {@code http://HOST:PORT/metrics} (and a health check
 * at {@code /-/healthy}). Binds 127.0.0.1 unless told otherwise; port 0 picks a free port.
 * Must never expose anything but metrics: no secrets are ever registered as labels or values.
 */
public final class MetricsEndpoint implements AutoCloseable {
    private final HTTPServer server;

    private MetricsEndpoint(HTTPServer server) {
        this.server = server;
    }

    public static MetricsEndpoint start(String host, int port, PrometheusRegistry registry) {
        try {
            return new MetricsEndpoint(HTTPServer.builder().hostname(host).port(port).registry(registry).buildAndStart());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve metrics on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port() + "/metrics";
    }

    @Override
    public void close() {
        server.close();
    }
}
