package io.ttquant.app.run;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ttquant.app.ServiceStartException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The web dashboard of {@code ttquant run} on 127.0.0.1: {@code GET /} is one self-contained HTML
 * page (inline CSS, script and SVG; nothing from another site) that polls {@code GET /api/status},
 * the running system's {@link SystemStatus} as JSON, once a second and draws it, with a sparkline of
 * each strategy's equity. Read-only: it has no trading controls and answers nothing but GET and
 * HEAD. One daemon thread serves requests in turn; the status is read from the snapshots the
 * components publish, never from their state directly.
 */
final class Dashboard implements AutoCloseable {
    private static final String PAGE_RESOURCE = "dashboard.html";

    private final HttpServer server;
    private final ExecutorService executor;
    private final byte[] page;
    private final Supplier<String> status;

    private Dashboard(HttpServer server, ExecutorService executor, byte[] page, Supplier<String> status) {
        this.server = server;
        this.executor = executor;
        this.page = page;
        this.status = status;
    }

    /**
     * Serves the dashboard on 127.0.0.1:{@code port} (0 picks a free port).
     *
     * @param status the status document, JSON; called on the dashboard's thread for each request
     * @throws ServiceStartException when the port cannot be bound
     */
    static Dashboard start(int port, Supplier<String> status) {
        byte[] page = loadPage();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        } catch (IOException e) {
            throw new ServiceStartException("cannot serve the dashboard on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ttquant-dashboard");
            t.setDaemon(true);
            return t;
        });
        Dashboard dashboard = new Dashboard(server, executor, page, status);
        server.createContext("/", dashboard::handle);
        server.setExecutor(executor);
        server.start();
        return dashboard;
    }

    private static byte[] loadPage() {
        try (InputStream in = Dashboard.class.getResourceAsStream(PAGE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the dashboard page " + PAGE_RESOURCE + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dashboard page", e);
        }
    }

    /** The page's URL, {@code http://127.0.0.1:PORT/}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getPath();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().add("Allow", "GET, HEAD");
                answer(ex, 405, "text/plain; charset=utf-8", "read-only: use GET\n".getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/") || path.equals("/index.html")) {
                answer(ex, 200, "text/html; charset=utf-8", page);
            } else if (path.equals("/api/status")) {
                answer(ex, 200, "application/json", status.get().getBytes(StandardCharsets.UTF_8));
            } else {
                answer(ex, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
            }
        } catch (RuntimeException e) {
            answer(ex, 500, "text/plain; charset=utf-8", ("status unavailable: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
        } finally {
            ex.close();
        }
    }

    private static void answer(HttpExchange ex, int code, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(code, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
