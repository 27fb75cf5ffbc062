package io.ttquant.app.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.binance.ws.DisconnectReason;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The market data service end to end against the exchange simulator on 127.0.0.1: real
 * WebSocket streams, real REST snapshots and backfills, books and trades compared with the
 * simulator's own state after the simulated market is frozen.
 */
class MarketDataServiceSimulatorTest {
    private static final long DEPTH_INTERVAL_MILLIS = 2;

    @Test
    void shouldKeepEveryBookIdenticalToTheSimulatorsAfterOneHundredThousandDiffEvents() throws Exception {
        try (SimulatorFeedHarness h = new SimulatorFeedHarness(1_500, DEPTH_INTERVAL_MILLIS, c -> { })) {
            SimulatorFeedHarness.await(180_000, "100,000 depth diff events applied", () -> {
                try {
                    return h.appliedDiffs() >= 100_000;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            h.freezeMarket(DEPTH_INTERVAL_MILLIS);
            h.awaitBooksCaughtUp(20_000);
            h.assertBooksIdentical();
            h.assertTradesComplete();
            long resyncs = h.onFeed(() -> {
                long n = 0;
                for (int i = 0; i < SimulatorFeedHarness.SYMBOLS.size(); i++) {
                    n += h.feed().pipeline().book(i).resyncsTotal();
                }
                return n;
            });
            assertThat(resyncs).as("no resync on a clean connection").isZero();
            for (String s : SimulatorFeedHarness.SYMBOLS) {
                assertThat(h.onFeed(() -> h.downstream.count(s, "quote"))).as("%s quotes", s).isPositive();
            }
        }
    }

    @Test
    void shouldKeepBooksAndTradesExactWhileTheSimulatorDropsConnectionsForAMinute() throws Exception {
        try (SimulatorFeedHarness h = new SimulatorFeedHarness(400, 20,
                c -> c.reconnect(java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(2)))) {
            SimulatorFeedHarness.await(30_000, "the feed is live", () -> {
                try {
                    return h.appliedDiffs() > 100;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long end = System.nanoTime() + 60_000_000_000L;
            int drops = 0;
            while (System.nanoTime() < end) {
                Thread.sleep(3_000);
                h.postFault("{\"dropAllConnections\":true}");
                drops++;
            }
            long afterLastDrop = h.appliedDiffs();
            SimulatorFeedHarness.await(60_000, "depth flows again after the last drop", () -> {
                try {
                    return h.appliedDiffs() > afterLastDrop + 50;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            h.freezeMarket(20);
            h.awaitBooksCaughtUp(30_000);
            h.assertBooksIdentical();
            h.assertTradesComplete();
            long reconnects = h.onFeed(() -> h.feed().client().stats().reconnects(DisconnectReason.CLOSED_BY_SERVER));
            assertThat(reconnects).as("reconnects after %d drops", drops).isGreaterThanOrEqualTo(drops - 1L);
            assertThat(h.onFeed(() -> h.feed().client().subscriptions())).containsExactlyInAnyOrderElementsOf(h.feed().streamNames());
            long gapsHealed = h.onFeed(() -> {
                long n = 0;
                for (int i = 0; i < SimulatorFeedHarness.SYMBOLS.size(); i++) {
                    n += h.feed().pipeline().book(i).resyncsTotal() + h.feed().pipeline().trades(i).gaps();
                }
                return n;
            });
            assertThat(gapsHealed).as("the drops did cause gaps that were healed").isPositive();
        }
    }

    @Test
    void shouldSwitchConnectionsWithoutLosingAnythingWhenTheServerAnnouncesItsShutdown() throws Exception {
        // The simulator closes every connection after 4 s, announcing it (serverShutdown) 2 s before.
        try (SimulatorFeedHarness h = new SimulatorFeedHarness(300, 20, c -> { },
                server -> server.wsMaxConnectionAgeMillis(4_000).wsShutdownNoticeMillis(2_000))) {
            SimulatorFeedHarness.await(60_000, "three make-before-break switches", () -> {
                try {
                    return h.onFeed(() -> h.feed().client().stats().switches()) >= 3;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            h.freezeMarket(20);
            h.awaitBooksCaughtUp(20_000);
            h.assertBooksIdentical();
            h.assertTradesComplete();
            for (int i = 0; i < SimulatorFeedHarness.SYMBOLS.size(); i++) {
                final int index = i;
                assertThat(h.onFeed(() -> h.feed().pipeline().book(index).resyncsTotal())).as("book resyncs").isZero();
                assertThat(h.onFeed(() -> h.feed().pipeline().trades(index).gaps())).as("trade gaps").isZero();
            }
            assertThat(h.sim.stats().serverShutdownEvents()).isPositive();
        }
    }

    @Test
    void shouldBackfillRawTradeGapsAndServePrometheusMetricsForEveryStreamAndSymbol() throws Exception {
        try (SimulatorFeedHarness h = new SimulatorFeedHarness(300, 50,
                c -> c.tradeStream(MarketDataConfig.TradeStream.TRADE).metrics("127.0.0.1", 0))) {
            SimulatorFeedHarness.await(30_000, "trades published", () -> {
                try {
                    return h.onFeed(() -> h.downstream.trades("BTCUSDT").size()) > 20;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // Hold back half of the trade messages for a while: the ids jump and must be backfilled.
            h.postFault("{\"dropFraction\":0.5,\"dropStream\":\"btcusdt@trade\"}");
            Thread.sleep(2_000);
            h.postFault("{\"dropFraction\":0}");
            long backfilled = 0;
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (backfilled == 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                backfilled = h.onFeed(() -> h.feed().pipeline().trades(0).backfilled());
            }
            assertThat(backfilled).as("trades recovered from /api/v3/historicalTrades").isPositive();
            h.freezeMarket(50);
            h.awaitBooksCaughtUp(20_000);
            SimulatorFeedHarness.await(40_000, "the last trades published", () -> {
                try {
                    long simLast = h.onEngine(() -> h.exchange.market("BTCUSDT").lastTradeId());
                    return h.onFeed(() -> h.feed().pipeline().trades(0).lastId()) == simLast;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            h.assertTradesComplete();

            String metrics = scrape(h.service.metricsUrl());
            for (String s : SimulatorFeedHarness.SYMBOLS) {
                assertThat(metrics).contains("ttquant_marketdata_messages_total{stream=\"trade\",symbol=\"" + s + "\"}");
                assertThat(metrics).contains("ttquant_marketdata_messages_total{stream=\"depth\",symbol=\"" + s + "\"}");
                assertThat(metrics).contains("ttquant_marketdata_messages_total{stream=\"bookTicker\",symbol=\"" + s + "\"}");
                assertThat(metrics).contains("ttquant_marketdata_last_message_age_seconds{stream=\"depth\",symbol=\"" + s + "\"}");
            }
            assertThat(metrics).contains("ttquant_marketdata_backfilled_trades_total{symbol=\"BTCUSDT\"}");
            assertThat(metrics).contains("ttquant_marketdata_exchange_to_receive_latency_seconds_bucket");
            assertThat(metrics).contains("ttquant_marketdata_receive_to_publish_latency_seconds_count");
            assertThat(metrics).contains("ttquant_marketdata_published_total{kind=\"book\"}");
            assertThat(metrics).doesNotContain("harness-admin");
        }
    }

    static String scrape(String url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }
}
