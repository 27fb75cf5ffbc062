package io.ttquant.transport;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import io.ttquant.transport.codec.SymbolTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Instruments, a mixed stream of market events, and a fingerprint that captures every value of an
 * event as text, so that a test can keep what a listener saw of a reused event. Test code.
 */
public final class TestEvents {
    public static final long T = 1_723_161_255_342_000_000L;
    public static final Instrument BTC = Instrument.builder("BTCUSDT").tickSize("0.01").stepSize("0.00001").build();
    public static final Instrument ETH = Instrument.builder("ETHUSDT").tickSize("0.01").stepSize("0.0001").build();
    /** Shares BTCUSDT's first letters: a prefix without the trailing dot would match both. */
    public static final Instrument BTCFD = Instrument.builder("BTCUSDTFD").assets("BTC", "USDTFD").tickSize("0.01").stepSize("0.00001").build();

    private TestEvents() {
    }

    public static SymbolTable symbols(Instrument... extra) {
        SymbolTable t = SymbolTable.of(BTC, ETH, BTCFD);
        for (Instrument i : extra) {
            t.add(i);
        }
        return t;
    }

    /**
     * {@code count} fresh events cycling through every kind and all three instruments, with
     * distinct values (each event is its own object, so a list of them can be compared later).
     */
    public static List<MarketEvent> mixed(int count) {
        Instrument[] instruments = {BTC, ETH, BTCFD};
        List<MarketEvent> events = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            Instrument i = instruments[n % 3];
            long t = T + n * 1_000_000L;
            switch ((n / 3) % 4) {
                case 0:
                    events.add(new TradeTick().set(i, t, t + 7, 6_183_763 + n, 1_000 + n, n % 2 == 0 ? Side.BUY : Side.SELL, 3_715_942_117L + n));
                    break;
                case 1:
                    events.add(new QuoteTick().set(i, t, t + 7, 6_183_700 + n, 10 + n, 6_183_800 + n, 20 + n));
                    break;
                case 2: {
                    BookUpdate b = new BookUpdate().reset(i, t, t + 7, n % 5 == 0, 100 + n, 110 + n);
                    for (int k = 0; k < n % 7; k++) {
                        b.addBid(6_183_700 - k, 5 + k);
                        b.addAsk(6_183_800 + k, 6 + k);
                    }
                    events.add(b);
                    break;
                }
                default:
                    events.add(new Bar().set(i, t - 60_000_000_000L, 60_000_000_000L, 100 + n, 200 + n, 50 + n, 150 + n, 1_000 + n));
            }
        }
        return events;
    }

    /** Every value of the event as text. */
    public static String fingerprint(MarketEvent e) {
        StringBuilder s = new StringBuilder().append(e.kind()).append(' ').append(e.instrument().symbol())
                .append(" x=").append(e.exchangeTimeNanos()).append(" r=").append(e.receiveTimeNanos());
        if (e instanceof TradeTick) {
            TradeTick t = (TradeTick) e;
            s.append(' ').append(t.price()).append(' ').append(t.qty()).append(' ').append(t.aggressor()).append(' ').append(t.tradeId());
        } else if (e instanceof QuoteTick) {
            QuoteTick q = (QuoteTick) e;
            s.append(' ').append(q.bidPrice()).append(' ').append(q.bidQty()).append(' ').append(q.askPrice()).append(' ').append(q.askQty());
        } else if (e instanceof BookUpdate) {
            BookUpdate b = (BookUpdate) e;
            s.append(b.isSnapshot() ? " snap " : " delta ").append(b.firstUpdateId()).append('-').append(b.lastUpdateId()).append(" bids");
            for (int k = 0; k < b.bidCount(); k++) {
                s.append(' ').append(b.bidPrice(k)).append('x').append(b.bidQty(k));
            }
            s.append(" asks");
            for (int k = 0; k < b.askCount(); k++) {
                s.append(' ').append(b.askPrice(k)).append('x').append(b.askQty(k));
            }
        } else {
            Bar b = (Bar) e;
            s.append(' ').append(b.openTimeNanos()).append('+').append(b.intervalNanos()).append(" O").append(b.open()).append(" H").append(b.high())
                    .append(" L").append(b.low()).append(" C").append(b.close()).append(" V").append(b.volume());
        }
        return s.toString();
    }

    /** Fingerprints of the events whose topic starts with {@code prefix}, in order. */
    public static List<String> matching(List<MarketEvent> events, String venue, String prefix) {
        List<String> out = new ArrayList<>();
        for (MarketEvent e : events) {
            if (Topics.marketData(venue, e.instrument().symbol(), e.kind()).startsWith(prefix)) {
                out.add(fingerprint(e));
            }
        }
        return out;
    }
}
