package io.ttquant.app.gateway;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import io.ttquant.core.time.Clock;
import io.ttquant.core.time.SystemEpochClock;
import io.ttquant.transport.proto.ExecutionEvent;
import io.ttquant.transport.proto.ExecutionReport;
import io.ttquant.transport.proto.NewOrder;
import io.ttquant.transport.proto.OrderCommand;
import io.ttquant.transport.proto.OrderType;
import io.ttquant.transport.proto.TimeInForce;
import io.ttquant.transport.zmq.ZmqPublisher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The outside of a running {@link GatewayService} for tests, over real sockets on 127.0.0.1: a
 * market data PUB the gateway subscribes to (publishing quotes and trades of one instrument at the
 * gateway's scale), a PUSH socket for order commands, a SUB on {@code exec.alpha} and
 * {@code exec.beta} collecting every execution event, the metrics scraped over HTTP and the admin
 * endpoint. Every wait polls with a deadline; nothing sleeps to let time pass. It holds no
 * assertions of its own.
 */
public final class GatewayServiceFixture implements AutoCloseable {
    public static final String TOKEN = "test-admin-token-0123456789abcdef";
    public static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(20);

    public final Path tokenFile;
    public final GatewayService service;
    public final Instrument btc;
    public final List<ExecutionEvent> events = new ArrayList<>();
    private final Clock clock = SystemEpochClock.instance();
    private final ZContext zmq = new ZContext(1);
    private final ZmqPublisher marketData;
    private final ZMQ.Socket push;
    private final ZMQ.Socket sub;
    private final QuoteTick quote = new QuoteTick();
    private final TradeTick trade = new TradeTick();
    private final HttpClient http = HttpClient.newHttpClient();
    private long tradeId;
    private long commandSequence;

    /** Starts a gateway serving "alpha" (limits below) and "beta" on BTCUSDT and ETHUSDT, admin token in a file in {@code dir}. */
    public GatewayServiceFixture(Path dir) throws IOException {
        tokenFile = dir.resolve("admin-token");
        Files.writeString(tokenFile, TOKEN + "\n");
        marketData = new ZmqPublisher(zmq, new ZmqPublisher.Config().endpoint("tcp://127.0.0.1:0").venue("binance"), clock);
        Path yaml = dir.resolve("gateway.yaml");
        Files.writeString(yaml, String.join("\n",
                "gateway:",
                "  orders: tcp://127.0.0.1:0",
                "  executions: tcp://127.0.0.1:0",
                "  marketdata: {endpoint: '" + marketData.endpoint() + "', venue: binance}",
                "  paper: {fee-bps: 10}",
                "  instruments:",
                "    BTCUSDT: {max-order-qty: 0.01, collar-bps: 1000}",
                "    ETHUSDT:",
                "  strategies:",
                "    alpha: {max-order-notional: 5000, max-open-orders: 10}",
                "    beta:",
                "  metrics: {port: 0}",
                "  admin: {port: 0, token-file: admin-token}",
                "  journal: {dir: journal}",
                ""));
        GatewayConfig.Builder b = GatewayConfig.builder();
        Path tokenFromYaml = GatewayConfigFile.read(yaml, b);
        b.adminToken(AdminToken.fromFile(tokenFromYaml, "admin.token-file"));
        GatewayConfig config = b.build();
        btc = config.instruments().get(0);
        service = GatewayService.start(config, clock);
        push = zmq.createSocket(SocketType.PUSH);
        push.setLinger(0);
        push.connect(service.ordersEndpoint());
        sub = zmq.createSocket(SocketType.SUB);
        sub.setLinger(0);
        sub.setReceiveTimeOut(20);
        sub.subscribe("exec.".getBytes(StandardCharsets.US_ASCII));
        sub.connect(service.executionsEndpoint());
    }

    // ------------------------------------------------------------------ market data

    public void publishQuote(String bid, String ask) {
        long now = clock.nanos();
        marketData.publish(quote.set(btc, now, now, btc.price(bid), btc.qty("1"), btc.price(ask), btc.qty("1")));
    }

    public void publishTrade(String price, String qty) {
        long now = clock.nanos();
        marketData.publish(trade.set(btc, now, now, btc.price(price), btc.qty(qty), Side.SELL, ++tradeId));
    }

    /** Publishes the quote until the gateway has taken at least one market data message (ZeroMQ's slow joiner). */
    public void awaitMarketData(String bid, String ask) throws Exception {
        long start = System.nanoTime();
        while (System.nanoTime() - start < DEADLINE_NANOS) {
            publishQuote(bid, ask);
            if (metric(scrape(), "ttquant_gateway_marketdata_messages_total", "outcome", "ok") > 0) {
                return;
            }
        }
        throw new AssertionError("the gateway took no market data within the deadline");
    }

    // ------------------------------------------------------------------ orders and reports

    public static NewOrder.Builder limit(Instrument ins, String strategy, String clientOrderId, Side side, String price, String qty) {
        return NewOrder.newBuilder()
                .setClientOrderId(clientOrderId)
                .setStrategy(strategy)
                .setVenue("paper")
                .setSymbol(ins.symbol())
                .setSide(side == Side.BUY ? io.ttquant.transport.proto.Side.SIDE_BUY : io.ttquant.transport.proto.Side.SIDE_SELL)
                .setType(OrderType.ORDER_TYPE_LIMIT)
                .setTimeInForce(TimeInForce.TIME_IN_FORCE_GTC)
                .setPrice(ins.price(price))
                .setQuantity(ins.qty(qty))
                .setPriceScale(ins.priceScale())
                .setQtyScale(ins.qtyScale());
    }

    public void send(NewOrder.Builder order) {
        byte[] frame = OrderCommand.newBuilder().setSequence(++commandSequence).setSendTimeNs(clock.nanos())
                .setNewOrder(order).build().toByteArray();
        push.send(frame, 0);
    }

    /**
     * Sends the order until a report for its client order id arrives (the SUB may join late; a
     * repeated client order id is answered with the existing order and never opens a second one).
     */
    public ExecutionReport sendUntilReported(NewOrder.Builder order) throws Exception {
        long start = System.nanoTime();
        while (System.nanoTime() - start < DEADLINE_NANOS) {
            send(order);
            ExecutionReport r = awaitReport(x -> x.getClientOrderId().equals(order.getClientOrderId()), 200_000_000L);
            if (r != null) {
                return r;
            }
        }
        throw new AssertionError("no report for " + order.getClientOrderId() + " within the deadline");
    }

    /** The first report received (now or before) that matches, waiting up to {@code nanos}; null when none came. */
    public ExecutionReport awaitReport(Predicate<ExecutionReport> match, long nanos) throws Exception {
        long start = System.nanoTime();
        do {
            for (ExecutionEvent e : events) {
                if (e.hasReport() && match.test(e.getReport())) {
                    return e.getReport();
                }
            }
            receive();
        } while (System.nanoTime() - start < nanos);
        return null;
    }

    /** Like {@link #awaitReport(Predicate, long)} with the fixture's deadline, failing when nothing matches. */
    public ExecutionReport awaitReport(Predicate<ExecutionReport> match, String what) throws Exception {
        ExecutionReport r = awaitReport(match, DEADLINE_NANOS);
        if (r == null) {
            throw new AssertionError("no report " + what + " within the deadline; received: " + events);
        }
        return r;
    }

    /** Waits for a position update of the strategy and symbol. */
    public ExecutionEvent awaitPositionUpdate(String strategy, String symbol) throws Exception {
        long start = System.nanoTime();
        do {
            for (ExecutionEvent e : events) {
                if (e.hasPosition() && e.getPosition().getStrategy().equals(strategy) && e.getPosition().getSymbol().equals(symbol)) {
                    return e;
                }
            }
            receive();
        } while (System.nanoTime() - start < DEADLINE_NANOS);
        throw new AssertionError("no position update for " + strategy + " " + symbol + "; received: " + events);
    }

    private void receive() throws Exception {
        byte[] topic = sub.recv();
        if (topic == null) {
            return;
        }
        byte[] payload = sub.recv();
        ExecutionEvent e = ExecutionEvent.parseFrom(payload);
        String strategy = new String(topic, StandardCharsets.US_ASCII).substring("exec.".length());
        if (e.hasReport() && !e.getReport().getStrategy().equals(strategy)) {
            throw new AssertionError("report for " + e.getReport().getStrategy() + " on topic exec." + strategy);
        }
        events.add(e);
    }

    // ------------------------------------------------------------------ metrics

    /** Samples the gauges on the gateway thread, then scrapes the metrics endpoint over HTTP. */
    public String scrape() throws Exception {
        service.sampleMetrics().get(10, TimeUnit.SECONDS);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(service.metricsUrl())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("metrics answered " + r.statusCode());
        }
        return r.body();
    }

    /** The value of the series {@code name{labels}} in a scrape (labels as name, value pairs, in any order); NaN when absent. */
    public static double metric(String scrape, String name, String... labels) {
        StringBuilder series = new StringBuilder(Pattern.quote(name));
        if (labels.length > 0) {
            // The text format writes labels sorted by name.
            java.util.TreeMap<String, String> sorted = new java.util.TreeMap<>();
            for (int i = 0; i < labels.length; i += 2) {
                sorted.put(labels[i], labels[i + 1]);
            }
            series.append("\\{");
            String sep = "";
            for (var e : sorted.entrySet()) {
                series.append(sep).append(Pattern.quote(e.getKey() + "=\"" + e.getValue() + "\""));
                sep = ",";
            }
            series.append("\\}");
        }
        Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    @Override
    public void close() {
        service.close();
        zmq.destroySocket(push);
        zmq.destroySocket(sub);
        marketData.close();
        zmq.close();
    }
}
