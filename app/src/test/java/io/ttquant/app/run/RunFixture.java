package io.ttquant.app.run;

import io.ttquant.app.Main;
import io.ttquant.app.gateway.journal.FillRecord;
import io.ttquant.app.gateway.journal.JournalReader;
import io.ttquant.app.gateway.journal.JournalVisitor;
import io.ttquant.app.gateway.journal.OrderSubmittedRecord;
import io.ttquant.app.gateway.journal.ReplayResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shared steps of the {@code ttquant run} tests: the command line run in process with its output
 * captured, HTTP GETs on 127.0.0.1, polling with a deadline, the journal's own count of orders and
 * fills, and numbers read out of the printed summary. Holds no assertions of its own.
 */
final class RunFixture {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunFixture() {
    }

    /** What one command line run left behind. */
    record Result(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }

        /** The first number (commas allowed) after {@code label} in the output, or -1. */
        long number(String label) {
            Matcher m = Pattern.compile(Pattern.quote(label) + "\\s+([0-9][0-9,]*)").matcher(out);
            return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : -1;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** A response: status code and body. */
    record Response(int status, String body, String contentType) {
    }

    static Response get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build());
    }

    static Response post(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build());
    }

    private static Response send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
    }

    /** Polls {@code condition} until it holds or {@code timeout} passes; true when it held. */
    static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

    /** Orders and fills in a closed journal, counted by replaying it: distinct order ids, distinct (symbol, trade id) fills. */
    record JournalCounts(long orders, long fills) {
    }

    static JournalCounts journalCounts(Path dir) {
        Set<Long> orders = new HashSet<>();
        Map<Long, String> symbols = new HashMap<>();
        Set<String> fills = new HashSet<>();
        ReplayResult r = JournalReader.replay(dir, new JournalVisitor() {
            @Override
            public void onOrderSubmitted(OrderSubmittedRecord s) {
                orders.add(s.orderId);
                symbols.put(s.orderId, s.symbol);
            }

            @Override
            public void onFill(FillRecord f) {
                fills.add(symbols.get(f.orderId) + "|" + f.tradeId);
            }
        });
        if (!r.ok()) {
            throw new AssertionError("the journal does not replay: " + r.error());
        }
        return new JournalCounts(orders.size(), fills.size());
    }
}
