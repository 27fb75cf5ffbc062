package io.ttquant.transport.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import io.ttquant.transport.proto.Trade;

/**
 * The independent side of the wire-compatibility tests: builds protoc-generated messages from
 * core events with the generated builders, and compares events field by field (core events have
 * no equals). Test code: allocates freely.
 */
final class WireOracle {
    static final Instrument BTC = Instrument.builder("BTCUSDT").tickSize("0.01").stepSize("0.00001").build();
    static final Instrument ADA = Instrument.builder("ADABTC").tickSize("0.00000001").stepSize("0.1").build();
    /** Scales 0 and 0: every scale field is left out on the wire. */
    static final Instrument WHOLE = Instrument.builder("WHOLEUSDT").tickSize("1").stepSize("1").build();

    private WireOracle() {
    }

    static SymbolTable symbols() {
        return SymbolTable.of(BTC, ADA, WHOLE);
    }

    /** The generated message for {@code e}, built with the generated builders. */
    static Message toProto(MarketEvent e, String venue, long sequence, long publishTime) {
        Instrument i = e.instrument();
        if (e instanceof TradeTick) {
            TradeTick t = (TradeTick) e;
            return Trade.newBuilder().setVenue(venue).setSymbol(i.symbol()).setSequence(sequence)
                    .setExchangeTimeNs(t.exchangeTimeNanos()).setReceiveTimeNs(t.receiveTimeNanos()).setPublishTimeNs(publishTime)
                    .setPriceScale(i.priceScale()).setQtyScale(i.qtyScale())
                    .setPrice(t.price()).setQty(t.qty()).setAggressor(side(t.aggressor())).setTradeId(t.tradeId()).build();
        }
        if (e instanceof QuoteTick) {
            QuoteTick q = (QuoteTick) e;
            return io.ttquant.transport.proto.Quote.newBuilder().setVenue(venue).setSymbol(i.symbol()).setSequence(sequence)
                    .setExchangeTimeNs(q.exchangeTimeNanos()).setReceiveTimeNs(q.receiveTimeNanos()).setPublishTimeNs(publishTime)
                    .setPriceScale(i.priceScale()).setQtyScale(i.qtyScale())
                    .setBidPrice(q.bidPrice()).setBidQty(q.bidQty()).setAskPrice(q.askPrice()).setAskQty(q.askQty()).build();
        }
        if (e instanceof BookUpdate) {
            BookUpdate b = (BookUpdate) e;
            io.ttquant.transport.proto.BookUpdate.Builder m = io.ttquant.transport.proto.BookUpdate.newBuilder()
                    .setVenue(venue).setSymbol(i.symbol()).setSequence(sequence)
                    .setExchangeTimeNs(b.exchangeTimeNanos()).setReceiveTimeNs(b.receiveTimeNanos()).setPublishTimeNs(publishTime)
                    .setPriceScale(i.priceScale()).setQtyScale(i.qtyScale())
                    .setSnapshot(b.isSnapshot()).setFirstUpdateId(b.firstUpdateId()).setLastUpdateId(b.lastUpdateId());
            for (int k = 0; k < b.bidCount(); k++) {
                m.addBidPrices(b.bidPrice(k)).addBidQtys(b.bidQty(k));
            }
            for (int k = 0; k < b.askCount(); k++) {
                m.addAskPrices(b.askPrice(k)).addAskQtys(b.askQty(k));
            }
            return m.build();
        }
        Bar b = (Bar) e;
        return io.ttquant.transport.proto.Bar.newBuilder().setVenue(venue).setSymbol(i.symbol()).setSequence(sequence)
                .setExchangeTimeNs(b.exchangeTimeNanos()).setReceiveTimeNs(b.receiveTimeNanos()).setPublishTimeNs(publishTime)
                .setPriceScale(i.priceScale()).setQtyScale(i.qtyScale())
                .setOpenTimeNs(b.openTimeNanos()).setIntervalNs(b.intervalNanos())
                .setOpen(b.open()).setHigh(b.high()).setLow(b.low()).setClose(b.close()).setVolume(b.volume()).build();
    }

    /** Parses bytes with the generated parser of {@code e}'s message type. */
    static Message parse(MarketEvent e, byte[] bytes) throws Exception {
        switch (e.kind()) {
            case TRADE:
                return Trade.parseFrom(bytes);
            case QUOTE:
                return io.ttquant.transport.proto.Quote.parseFrom(bytes);
            case BOOK:
                return io.ttquant.transport.proto.BookUpdate.parseFrom(bytes);
            default:
                return io.ttquant.transport.proto.Bar.parseFrom(bytes);
        }
    }

    static io.ttquant.transport.proto.Side side(Side s) {
        return s == null ? io.ttquant.transport.proto.Side.SIDE_UNSPECIFIED
                : s == Side.BUY ? io.ttquant.transport.proto.Side.SIDE_BUY : io.ttquant.transport.proto.Side.SIDE_SELL;
    }

    /** Asserts that two events of the same kind carry the same values. */
    static void assertSameEvent(MarketEvent actual, MarketEvent expected) {
        assertThat(actual.kind()).isEqualTo(expected.kind());
        assertThat(actual.instrument()).isSameAs(expected.instrument());
        assertThat(actual.exchangeTimeNanos()).as("exchange time").isEqualTo(expected.exchangeTimeNanos());
        assertThat(actual.receiveTimeNanos()).as("receive time").isEqualTo(expected.receiveTimeNanos());
        if (expected instanceof TradeTick) {
            TradeTick a = (TradeTick) actual;
            TradeTick x = (TradeTick) expected;
            assertThat(new long[] {a.price(), a.qty(), a.tradeId()}).isEqualTo(new long[] {x.price(), x.qty(), x.tradeId()});
            assertThat(a.aggressor()).isEqualTo(x.aggressor());
        } else if (expected instanceof QuoteTick) {
            QuoteTick a = (QuoteTick) actual;
            QuoteTick x = (QuoteTick) expected;
            assertThat(new long[] {a.bidPrice(), a.bidQty(), a.askPrice(), a.askQty()})
                    .isEqualTo(new long[] {x.bidPrice(), x.bidQty(), x.askPrice(), x.askQty()});
        } else if (expected instanceof BookUpdate) {
            BookUpdate a = (BookUpdate) actual;
            BookUpdate x = (BookUpdate) expected;
            assertThat(a.isSnapshot()).isEqualTo(x.isSnapshot());
            assertThat(new long[] {a.firstUpdateId(), a.lastUpdateId()}).isEqualTo(new long[] {x.firstUpdateId(), x.lastUpdateId()});
            assertThat(a.bidCount()).as("bid levels").isEqualTo(x.bidCount());
            assertThat(a.askCount()).as("ask levels").isEqualTo(x.askCount());
            for (int k = 0; k < x.bidCount(); k++) {
                assertThat(new long[] {a.bidPrice(k), a.bidQty(k)}).as("bid %d", k).isEqualTo(new long[] {x.bidPrice(k), x.bidQty(k)});
            }
            for (int k = 0; k < x.askCount(); k++) {
                assertThat(new long[] {a.askPrice(k), a.askQty(k)}).as("ask %d", k).isEqualTo(new long[] {x.askPrice(k), x.askQty(k)});
            }
        } else {
            Bar a = (Bar) actual;
            Bar x = (Bar) expected;
            assertThat(new long[] {a.openTimeNanos(), a.intervalNanos(), a.open(), a.high(), a.low(), a.close(), a.volume()})
                    .isEqualTo(new long[] {x.openTimeNanos(), x.intervalNanos(), x.open(), x.high(), x.low(), x.close(), x.volume()});
        }
    }
}
