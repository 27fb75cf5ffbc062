package io.ttquant.binance.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.ttquant.binance.BinanceEndpoints;
import io.ttquant.sim.market.SimConfig;
import io.ttquant.sim.market.SimExchange;
import io.ttquant.sim.server.SimServer;
import io.ttquant.sim.server.SimServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link StreamClient} against the Binance-compatible simulator on 127.0.0.1: combined streams of
 * the synthetic market, the simulator's own pings answered (it drops clients that do not answer),
 * and repeated {@code dropAllConnections} faults survived with backoff, every subscription (also
 * those added at run time) coming back each time.
 */
class StreamClientSimTest {
    private static final String TOKEN = "admin-token-for-tests";

    private SimServer sim;
    private EventLoopGroup group;
    private EventLoop loop;
    private TestClock clock;
    private RecordingListener listener;
    private StreamClient client;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        SimExchange exchange = new SimExchange(SimConfig.builder().seed(3).flowIntensity(60).build());
        sim = new SimServer(exchange, SimServerConfig.builder().adminToken(TOKEN)
                .wsPingIntervalMillis(150).wsPongTimeoutMillis(2_000).build()).start(0);
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        loop = group.next();
        clock = new TestClock();
        listener = new RecordingListener(loop, clock);
        StreamClientConfig config = StreamClientConfig.builder(BinanceEndpoints.simulator(sim.port()), clock)
                .random(new Random(5))
                .tickInterval(Duration.ofMillis(20))
                .backoff(Duration.ofMillis(200), Duration.ofSeconds(5))
                .build();
        client = new StreamClient(config, loop, listener);
    }

    @AfterEach
    void tearDown() {
        client.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        sim.close();
        assertThat(listener.offLoopCalls.get()).isZero();
    }

    private void dropAllConnections() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sim.restUrl() + "/admin/faults"))
                .header("X-Admin-Token", TOKEN).POST(HttpRequest.BodyPublishers.ofString("{\"dropAllConnections\":true}"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private void awaitStreams(int fromText, String... streams) throws InterruptedException {
        Await.until("messages of " + List.of(streams), () -> {
            List<String> recent = listener.texts.subList(Math.min(fromText, listener.texts.size()), listener.texts.size());
            for (String s : streams) {
                if (recent.stream().noneMatch(t -> t.startsWith("{\"stream\":\"" + s + "\""))) {
                    return false;
                }
            }
            return true;
        });
    }

    @Test
    void shouldReceiveTheSimulatorsStreamsAndAnswerItsPings() throws Exception {
        client.subscribe("btcusdt@depth@100ms", "ethusdt@depth@100ms", "btcusdt@bookTicker");
        client.start();
        awaitStreams(0, "btcusdt@depth@100ms", "ethusdt@depth@100ms", "btcusdt@bookTicker");
        Await.until("pings answered", () -> client.stats().pingsAnswered() >= 3 && sim.stats().pongsReceived() >= 3);
        assertThat(sim.stats().pongTimeoutDisconnects()).isZero();
        assertThat(sim.stats().messageRateDisconnects()).isZero();
        assertThat(client.stats().connects()).isEqualTo(1);
        assertThat(listener.texts).allMatch(t -> t.startsWith("{\"stream\":\""));
    }

    @Test
    void shouldComeBackWithEverySubscriptionAfterRepeatedDropsBackingOffEachTime() throws Exception {
        client.subscribe("btcusdt@depth@100ms");
        client.start();
        awaitStreams(0, "btcusdt@depth@100ms");
        client.subscribe("ethusdt@depth@100ms");
        awaitStreams(listener.texts.size(), "ethusdt@depth@100ms");
        long[] ceilings = new long[3];
        List<Long> attempts = new java.util.ArrayList<>(List.of(client.stats().lastConnectAttemptNanos()));
        for (int drop = 1; drop <= 3; drop++) {
            int connects = drop;
            Await.until("connection " + connects, () -> client.stats().connects() == connects && client.deliveringConnectionId() != 0);
            dropAllConnections();
            Await.until("reconnect " + drop, () -> client.stats().connects() == connects + 1);
            ceilings[drop - 1] = client.stats().lastBackoffCeilingNanos();
            attempts.add(client.stats().lastConnectAttemptNanos());
            awaitStreams(listener.texts.size(), "btcusdt@depth@100ms", "ethusdt@depth@100ms");
        }
        assertThat(client.stats().reconnectsTotal()).isEqualTo(3);
        assertThat(client.stats().reconnects(DisconnectReason.CLOSED_BY_SERVER) + client.stats().reconnects(DisconnectReason.ERROR))
                .isEqualTo(3);
        // connections that lived less than a minute do not reset the backoff: its ceiling doubles
        assertThat(ceilings).containsExactly(200_000_000L, 400_000_000L, 800_000_000L);
        assertThat(client.stats().connectAttempts()).isEqualTo(4);
        for (int i = 1; i < attempts.size(); i++) {
            assertThat(attempts.get(i) - attempts.get(i - 1)).as("at most one connection attempt a second")
                    .isGreaterThanOrEqualTo(1_000_000_000L);
        }
        assertThat(client.subscriptions()).containsExactly("btcusdt@depth@100ms", "ethusdt@depth@100ms");
        assertThat(sim.stats().messageRateDisconnects()).isZero();
    }
}
