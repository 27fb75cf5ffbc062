package io.ttquant.app.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.marketdata.OrderBook;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.time.SystemEpochClock;
import io.ttquant.sim.market.DepthLevel;
import io.ttquant.sim.market.DepthSnapshot;
import io.ttquant.sim.market.PinnableClock;
import io.ttquant.sim.market.SimConfig;
import io.ttquant.sim.market.SimExchange;
import io.ttquant.sim.market.SymbolMarket;
import io.ttquant.sim.server.SimServer;
import io.ttquant.sim.server.SimServerConfig;
import io.ttquant.transport.MarketDataPublisher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A market data service wired to a real exchange simulator on 127.0.0.1, plus a downstream
 * consumer on the in-process bus that rebuilds every book from the published L2 events and keeps
 * every published trade id, so a test can compare what a strategy would see with the simulator's
 * own state once the simulated market is frozen.
 */
final class SimulatorFeedHarness implements AutoCloseable {
    static final String ADMIN_TOKEN = "harness-admin";
    static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "BNBUSDT", "SOLUSDT");

    final PinnableClock simClock = new PinnableClock();
    final SimExchange exchange;
    final SimServer sim;
    final Downstream downstream = new Downstream();
    final MarketDataService service;
    private final HttpClient http = HttpClient.newHttpClient();

    SimulatorFeedHarness(double flowPerSymbol, long depthIntervalMillis, Consumer<MarketDataConfig.Builder> settings) {
        this(flowPerSymbol, depthIntervalMillis, settings, server -> { });
    }

    SimulatorFeedHarness(double flowPerSymbol, long depthIntervalMillis, Consumer<MarketDataConfig.Builder> settings,
                         Consumer<SimServerConfig.Builder> serverSettings) {
        SimConfig.Builder sc = SimConfig.builder().clock(simClock).seed(17).flowIntensity(flowPerSymbol).tradeHistory(2_000_000)
                .symbols(SYMBOLS.stream().map(Instruments::binanceSpot).toList())
                .startPrice("BNBUSDT", "600").startPrice("SOLUSDT", "150");
        exchange = new SimExchange(sc.build());
        SimServerConfig.Builder server = SimServerConfig.builder().adminToken(ADMIN_TOKEN).depthIntervalMillis(depthIntervalMillis);
        serverSettings.accept(server);
        sim = new SimServer(exchange, server.build()).start(0);
        MarketDataConfig.Builder mc = MarketDataConfig.builder().urls(sim.restUrl(), sim.wsUrl())
                .silenceTimeout(java.time.Duration.ofSeconds(3));
        for (String s : SYMBOLS) {
            mc.instrument(Instruments.binanceSpot(s));
        }
        settings.accept(mc);
        service = MarketDataService.start(mc.build(), SystemEpochClock.instance(), List.of(downstream));
    }

    BinanceFeed feed() {
        return (BinanceFeed) service.feed();
    }

    <T> T onEngine(Callable<T> task) throws Exception {
        return sim.onEngine(task, 10, TimeUnit.SECONDS);
    }

    <T> T onFeed(Callable<T> task) throws Exception {
        return service.onLoop(task);
    }

    long appliedDiffs() throws Exception {
        return onFeed(() -> {
            long n = 0;
            for (int i = 0; i < SYMBOLS.size(); i++) {
                n += feed().pipeline().book(i).eventsApplied();
            }
            return n;
        });
    }

    void postFault(String json) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(sim.restUrl() + "/admin/faults"))
                .header("X-Admin-Token", ADMIN_TOKEN).POST(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("admin answer %s", r.body()).isEqualTo(200);
    }

    /**
     * Stops the simulated market at a depth-interval boundary a little ahead, so the engine runs the
     * flow up to it and then emits the last diff: after that, the book is still and fully streamed.
     * When the engine was behind on its flow at the boundary (a loaded machine), changes made after
     * the last diff would never stream; so once the market is at rest the clock moves one more
     * interval, which runs the few remaining actions and then streams everything.
     */
    void freezeMarket(long depthIntervalMillis) throws Exception {
        long at = System.currentTimeMillis() + 300;
        long boundary = at - Math.floorMod(at, depthIntervalMillis) + depthIntervalMillis;
        simClock.pin(boundary);
        awaitMarketAtRest();
        simClock.pin(boundary + depthIntervalMillis);
        awaitMarketAtRest();
    }

    private void awaitMarketAtRest() throws Exception {
        long[] last = new long[SYMBOLS.size()];
        await(10_000, "the frozen market is at rest", () -> {
            try {
                boolean same = true;
                for (int i = 0; i < SYMBOLS.size(); i++) {
                    String s = SYMBOLS.get(i);
                    long id = onEngine(() -> exchange.market(s).lastUpdateId());
                    same &= id == last[i];
                    last[i] = id;
                }
                Thread.sleep(100);
                return same && onEngine(() -> exchange.nowMillis() * 1_000_000L == simClock.nanos());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    void thawMarket() {
        simClock.unpin();
    }

    /** Waits until every local book has caught up with the frozen simulator (same last update id). */
    void awaitBooksCaughtUp(long timeoutMillis) throws Exception {
        StringBuilder state = new StringBuilder();
        try {
            await(timeoutMillis, "local books catch up with the frozen simulator", () -> {
                try {
                    state.setLength(0);
                    boolean all = true;
                    for (int i = 0; i < SYMBOLS.size(); i++) {
                        String s = SYMBOLS.get(i);
                        long simId = onEngine(() -> exchange.market(s).lastUpdateId());
                        final int index = i;
                        String local = onFeed(() -> feed().pipeline().book(index).state() + " "
                                + feed().pipeline().book(index).book().lastUpdateId()
                                + " resyncs " + feed().pipeline().book(index).resyncsTotal());
                        long down = onFeed(() -> downstream.book(s) == null ? -1 : downstream.book(s).lastUpdateId());
                        state.append(s).append(": sim ").append(simId).append(" feed ").append(local)
                                .append(" downstream ").append(down).append("; ");
                        all &= local.startsWith("LIVE " + simId + " ") && down == simId;
                    }
                    return all;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + state + " engine stats " + sim.stats(), e);
        }
    }

    /** Compares, level by level, the simulator's book, the feed's book and the downstream rebuilt book. */
    void assertBooksIdentical() throws Exception {
        for (int i = 0; i < SYMBOLS.size(); i++) {
            String s = SYMBOLS.get(i);
            final int index = i;
            Instrument simInstrument = onEngine(() -> exchange.market(s).instrument());
            DepthSnapshot truth = onEngine(() -> exchange.market(s).depth(5000));
            List<long[]> local = onFeed(() -> levels(feed().pipeline().book(index).book()));
            List<long[]> down = onFeed(() -> levels(downstream.book(s)));
            List<long[]> expected = new ArrayList<>();
            int scale = onFeed(() -> feed().pipeline().book(index).book().instrument().qtyScale());
            for (DepthLevel l : truth.bids()) {
                expected.add(new long[] {1, l.price(), Fixed.rescale(l.qty(), simInstrument.qtyScale(), scale)});
            }
            for (DepthLevel l : truth.asks()) {
                expected.add(new long[] {-1, l.price(), Fixed.rescale(l.qty(), simInstrument.qtyScale(), scale)});
            }
            assertThat(expected).as("%s simulator book", s).hasSizeGreaterThan(10);
            assertThat(local).as("%s feed book vs simulator", s).containsExactlyElementsOf(expected);
            assertThat(down).as("%s downstream book vs simulator", s).containsExactlyElementsOf(expected);
        }
    }

    /**
     * Every trade (aggregate trade, or raw trade when the feed runs on {@code @trade}) the simulator
     * printed since the first one published is published exactly once, in id order, equal.
     */
    void assertTradesComplete() throws Exception {
        boolean raw = service.config().tradeStream() == MarketDataConfig.TradeStream.TRADE;
        for (String s : SYMBOLS) {
            List<long[]> published = onFeed(() -> new ArrayList<>(downstream.trades(s)));
            assertThat(published).as("%s published trades", s).isNotEmpty();
            long first = published.get(0)[0];
            List<long[]> truth = new ArrayList<>();
            long from = first;
            while (true) {
                final long f = from;
                List<long[]> page = onEngine(() -> raw
                        ? exchange.market(s).historicalTrades(f, 1000).stream().map(t -> new long[] {t.id(), t.price(), t.qty()}).toList()
                        : exchange.market(s).aggTrades(f, null, null, 1000).stream()
                                .map(t -> new long[] {t.aggId(), t.price(), t.qty()}).toList());
                truth.addAll(page);
                if (page.size() < 1000) {
                    break;
                }
                from = page.get(page.size() - 1)[0] + 1;
            }
            Instrument simInstrument = onEngine(() -> exchange.market(s).instrument());
            int scale = onFeed(() -> feed().pipeline().book(SYMBOLS.indexOf(s)).book().instrument().qtyScale());
            List<long[]> expected = truth.stream()
                    .map(t -> new long[] {t[0], t[1], Fixed.rescale(t[2], simInstrument.qtyScale(), scale)}).toList();
            assertThat(published).as("%s: every aggregate trade once, in order", s).containsExactlyElementsOf(expected);
        }
    }

    static void await(long timeoutMillis, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeoutMillis + " ms waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    private static List<long[]> levels(OrderBook b) {
        List<long[]> out = new ArrayList<>();
        if (b == null) {
            return out;
        }
        for (int i = 0; i < b.bidLevels(); i++) {
            out.add(new long[] {1, b.bidPrice(i), b.bidQty(i)});
        }
        for (int i = 0; i < b.askLevels(); i++) {
            out.add(new long[] {-1, b.askPrice(i), b.askQty(i)});
        }
        return out;
    }

    @Override
    public void close() {
        service.close();
        sim.close();
    }

    /**
     * A consumer on the in-process bus, as a strategy host would be: applies every published L2
     * event to its own books, keeps trade ids, counts the rest. Runs on the feed's thread.
     */
    static final class Downstream implements MarketDataPublisher {
        private final Map<String, OrderBook> books = new HashMap<>();
        private final Map<String, List<long[]>> trades = new HashMap<>();
        private final Map<String, Integer> kinds = new HashMap<>();

        @Override
        public boolean publish(MarketEvent event) {
            String s = event.instrument().symbol();
            kinds.merge(s + "." + event.kind().topicName(), 1, Integer::sum);
            switch (event.kind()) {
                case BOOK -> books.computeIfAbsent(s, k -> new OrderBook(event.instrument())).apply((BookUpdate) event);
                case TRADE -> {
                    TradeTick t = (TradeTick) event;
                    trades.computeIfAbsent(s, k -> new ArrayList<>()).add(new long[] {t.tradeId(), t.price(), t.qty()});
                }
                default -> {
                }
            }
            return true;
        }

        OrderBook book(String symbol) {
            return books.get(symbol);
        }

        List<long[]> trades(String symbol) {
            return trades.getOrDefault(symbol, List.of());
        }

        int count(String symbol, String kind) {
            return kinds.getOrDefault(symbol + "." + kind, 0);
        }
    }
}
