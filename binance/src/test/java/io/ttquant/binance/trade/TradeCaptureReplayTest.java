package io.ttquant.binance.trade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import io.ttquant.core.time.SimulatedClock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Replays the {@code @trade} messages of the real spot captures in
 * {@code $TTQUANT_DATA/binance/ws-raw/hftbacktest/spot} across the midnight file split: the ids
 * are contiguous, so the sequencer must pass every trade through live, with no gap, duplicate or
 * backfill. Skipped when TTQUANT_DATA is not set.
 */
class TradeCaptureReplayTest {
    private static final JsonFactory JSON = new JsonFactory();

    @Test
    void shouldPassEveryBtcusdtTradeThroughWithoutGapsAcrossTheFileSplit() throws IOException {
        TradeSequencer seq = replay("btcusdt");

        assertThat(seq.emitted()).isEqualTo(9_757 + 10_147);
        assertThat(seq.gaps()).isZero();
        assertThat(seq.duplicates()).isZero();
        assertThat(seq.backfillRequests()).isZero();
    }

    @Test
    void shouldPassEveryEthusdtTradeThroughWithoutGapsAcrossTheFileSplit() throws IOException {
        TradeSequencer seq = replay("ethusdt");

        assertThat(seq.emitted()).isEqualTo(6_106 + 8_409);
        assertThat(seq.gaps()).isZero();
        assertThat(seq.duplicates()).isZero();
    }

    private static TradeSequencer replay(String symbol) throws IOException {
        String dir = System.getenv("TTQUANT_DATA");
        Path captures = dir == null || dir.isBlank() ? null : Path.of(dir, "binance", "ws-raw", "hftbacktest", "spot");
        assumeTrue(captures != null && Files.isDirectory(captures),
                "TTQUANT_DATA is not set to the shared data folder; skipping the real-capture replay");
        Instrument instrument = Instruments.binanceSpot(symbol);
        long[] previous = {-1};
        TradeSequencer seq = new TradeSequencer(instrument, (i, from, limit) -> {
            throw new AssertionError("no backfill expected, asked from " + from);
        }, (t, backfilled) -> {
            assertThat(backfilled).isFalse();
            if (previous[0] >= 0) {
                assertThat(t.tradeId()).isEqualTo(previous[0] + 1);
            }
            previous[0] = t.tradeId();
        }, new SimulatedClock(0), TradeSequencerConfig.defaults());
        String prefix = "{\"stream\":\"" + symbol + "@trade\"";
        TradeTick tick = new TradeTick();
        for (String day : new String[] {"20240808", "20240809"}) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(captures.resolve(symbol + "_" + day + ".gz"))),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    int space = line.indexOf(' ');
                    if (line.startsWith(prefix, space + 1)) {
                        parseTrade(line.substring(space + 1), Long.parseLong(line.substring(0, space)), instrument, tick);
                        seq.onLive(tick);
                    }
                }
            }
        }
        return seq;
    }

    private static void parseTrade(String json, long receiveNanos, Instrument instrument, TradeTick into)
            throws IOException {
        long id = -1;
        long price = 0;
        long qty = 0;
        long tradeTimeMs = 0;
        boolean buyerIsMaker = false;
        try (JsonParser p = JSON.createParser(json)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME && !"data".equals(p.currentName())) {
                p.nextToken();
                p.skipChildren();
            }
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "t" -> id = p.getLongValue();
                    case "p" -> price = instrument.price(p.getText());
                    case "q" -> qty = instrument.qty(p.getText());
                    case "T" -> tradeTimeMs = p.getLongValue();
                    case "m" -> buyerIsMaker = p.getBooleanValue();
                    default -> p.skipChildren();
                }
            }
        }
        assertThat(id).isNotNegative();
        into.set(instrument, tradeTimeMs * 1_000_000, receiveNanos, price, qty, buyerIsMaker ? Side.SELL : Side.BUY, id);
    }
}
