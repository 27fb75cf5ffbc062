package io.ttquant.core.data;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test fixtures: the resource files under {@code data/}, a BTCUSDT instrument, and readers that copy events out. */
final class Fixtures {
    /** Binance spot BTCUSDT rules: tick 0.01 (price scale 2), step 0.00001 (quantity scale 5). */
    static final Instrument BTCUSDT = Instrument.builder("BTCUSDT").tickSize("0.01").stepSize("0.00001").build();
    static final long MS = 1_000_000L;
    static final long MINUTE = 60_000 * MS;

    private Fixtures() {
    }

    static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/data/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource data/" + name, e);
        }
    }

    static Path write(Path dir, String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return p;
    }

    static MarketDataSource open(Path path, FileFormat format) {
        return MarketDataSources.open(path, format, BTCUSDT);
    }

    static MarketDataSource openSkipping(Path path, FileFormat format) {
        return MarketDataSources.open(path, format, BTCUSDT, ReaderOptions.defaults().withBadRowPolicy(BadRowPolicy.SKIP));
    }

    static List<Bar> bars(MarketDataSource source) {
        List<Bar> out = new ArrayList<>();
        try (source) {
            while (source.advance()) {
                Bar b = new Bar();
                b.copyFrom((Bar) source.current());
                out.add(b);
            }
        }
        return out;
    }

    static List<TradeTick> trades(MarketDataSource source) {
        List<TradeTick> out = new ArrayList<>();
        try (source) {
            while (source.advance()) {
                TradeTick t = new TradeTick();
                t.copyFrom((TradeTick) source.current());
                out.add(t);
            }
        }
        return out;
    }

    /** Copies every event of any kind. */
    static List<MarketEvent> events(MarketDataSource source) {
        List<MarketEvent> out = new ArrayList<>();
        try (source) {
            while (source.advance()) {
                out.add(copy(source.current()));
            }
        }
        return out;
    }

    static MarketEvent copy(MarketEvent e) {
        if (e instanceof Bar) {
            Bar b = new Bar();
            b.copyFrom((Bar) e);
            return b;
        }
        if (e instanceof TradeTick) {
            TradeTick t = new TradeTick();
            t.copyFrom((TradeTick) e);
            return t;
        }
        QuoteTick q = new QuoteTick();
        q.copyFrom((QuoteTick) e);
        return q;
    }
}
