package io.ttquant.binance.stream;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.fail;

/**
 * Decodes every message twice, with a decoder that may take the fast path and with one that only
 * has the generic path, and fails unless both agree on everything a caller can see: the outcome,
 * each delivered event field by field (instrument by identity), the last event kind and times, the
 * JSON error and the control reply fields. Also counts how often the fast path decoded a message.
 */
final class TwoPathDecoding {
    private final StreamMessageDecoder fast;
    private final StreamMessageDecoder generic;
    private final Transcript fastEvents = new Transcript();
    private final Transcript genericEvents = new Transcript();
    private long messages;

    TwoPathDecoding(SymbolTable symbols) {
        fast = new StreamMessageDecoder(symbols, true);
        generic = new StreamMessageDecoder(symbols, false);
    }

    /** Decodes the message on both paths, asserts they agree and returns the common outcome. */
    DecodeOutcome decode(byte[] b, long recv, Instrument known, String what) {
        messages++;
        fastEvents.clear();
        genericEvents.clear();
        DecodeOutcome fastOutcome = fast.decode(b, 0, b.length, recv, known, fastEvents);
        DecodeOutcome genericOutcome = generic.decode(b, 0, b.length, recv, known, genericEvents);
        String fastSeen = fastOutcome + " " + fastEvents.text + describe(fast);
        String genericSeen = genericOutcome + " " + genericEvents.text + describe(generic);
        if (!fastSeen.equals(genericSeen)) {
            fail("%s: the two paths disagree%n  fast:    %s%n  generic: %s%n  message: %s (known %s)", what, fastSeen,
                    genericSeen, new String(b, StandardCharsets.ISO_8859_1), known);
        }
        return fastOutcome;
    }

    StreamMessageDecoder fastDecoder() {
        return fast;
    }

    StreamMessageDecoder genericDecoder() {
        return generic;
    }

    /** Whether the last message went through the fast path. */
    long fastPathMessages() {
        return fast.stats().fastPathMessages();
    }

    long messages() {
        return messages;
    }

    /** The text of the events the last message delivered (same on both paths once decode returned). */
    String lastEvents() {
        return fastEvents.text.toString();
    }

    private static String describe(StreamMessageDecoder d) {
        return "| kind=" + d.lastEventKind() + " eventTime=" + d.lastEventTimeNanos() + " recv=" + d.lastReceiveTimeNanos()
                + " jsonError=" + d.lastJsonError() + " controlId=" + d.controlId() + " controlError=" + d.controlErrorCode();
    }

    /** Writes every delivered event as one line of text with all its fields. */
    static final class Transcript implements StreamEventSink {
        final StringBuilder text = new StringBuilder();

        void clear() {
            text.setLength(0);
        }

        @Override
        public void onTrade(TradeTick t) {
            header("trade", t).append(" p=").append(t.price()).append(" q=").append(t.qty()).append(" side=")
                    .append(t.aggressor()).append(" id=").append(t.tradeId()).append('\n');
        }

        @Override
        public void onAggTrade(TradeTick t, long firstTradeId, long lastTradeId) {
            header("aggTrade", t).append(" p=").append(t.price()).append(" q=").append(t.qty()).append(" side=")
                    .append(t.aggressor()).append(" id=").append(t.tradeId()).append(" first=").append(firstTradeId)
                    .append(" last=").append(lastTradeId).append('\n');
        }

        @Override
        public void onBookTicker(QuoteTick q, long updateId) {
            header("bookTicker", q).append(" u=").append(updateId).append(" bid=").append(q.bidPrice()).append('x')
                    .append(q.bidQty()).append(" ask=").append(q.askPrice()).append('x').append(q.askQty()).append('\n');
        }

        @Override
        public void onDepthDiff(BookUpdate diff) {
            book("diff", diff);
        }

        @Override
        public void onPartialDepth(BookUpdate top) {
            book("partial", top);
        }

        @Override
        public void onKline(Bar bar, boolean closed) {
            header("kline", bar).append(" open=").append(bar.openTimeNanos()).append(" interval=").append(bar.intervalNanos())
                    .append(" o=").append(bar.open()).append(" h=").append(bar.high()).append(" l=").append(bar.low())
                    .append(" c=").append(bar.close()).append(" v=").append(bar.volume()).append(" closed=").append(closed)
                    .append('\n');
        }

        @Override
        public void onServerShutdown(long eventTimeMillis) {
            text.append("shutdown ").append(eventTimeMillis).append('\n');
        }

        private void book(String kind, BookUpdate u) {
            header(kind, u).append(" snapshot=").append(u.isSnapshot()).append(" U=").append(u.firstUpdateId()).append(" u=")
                    .append(u.lastUpdateId()).append(" bids=");
            for (int i = 0; i < u.bidCount(); i++) {
                text.append(u.bidPrice(i)).append('x').append(u.bidQty(i)).append(',');
            }
            text.append(" asks=");
            for (int i = 0; i < u.askCount(); i++) {
                text.append(u.askPrice(i)).append('x').append(u.askQty(i)).append(',');
            }
            text.append('\n');
        }

        private StringBuilder header(String kind, MarketEvent e) {
            Instrument i = e.instrument();
            return text.append(kind).append(' ').append(i == null ? "null" : i.symbol() + "@" + System.identityHashCode(i))
                    .append(" t=").append(e.exchangeTimeNanos()).append(" r=").append(e.receiveTimeNanos());
        }
    }
}
