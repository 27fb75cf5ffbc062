package io.ttquant.store.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.OrderBook;
import io.ttquant.core.order.Side;
import org.junit.jupiter.api.Test;

/** The batches' shared columns and fill level, and the bar interval rule of the schema. */
class MarketBatchTest {
    private static final Instrument BTC = Instruments.binanceSpot("BTCUSDT");
    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldRefuseARowWhenFullAndTakeRowsAgainAfterClear() {
        QuoteBatch batch = new QuoteBatch(2);
        assertThat(batch.add("BINANCE", BTC, 10, 11, 1, 2, 3, 4)).isTrue();
        assertThat(batch.add("OTHER", BTC, 20, 0, 5, 6, 7, 8)).isTrue();

        assertThat(batch.isFull()).isTrue();
        assertThat(batch.add("BINANCE", BTC, 30, 0, 1, 1, 1, 1)).isFalse();
        assertThat(batch.size()).isEqualTo(2);
        assertThat(batch.venue(1)).isEqualTo("OTHER");
        assertThat(batch.instrument(1)).isSameAs(BTC);
        assertThat(batch.timeNanos(1)).isEqualTo(20);
        assertThat(batch.askQty(1)).isEqualTo(8);

        batch.clear();
        assertThat(batch.size()).isZero();
        assertThat(batch.venue(0)).as("no reference kept after clear").isNull();
        assertThat(batch.add("BINANCE", BTC, 30, 0, 1, 1, 1, 1)).isTrue();
        assertThat(batch.capacity()).isEqualTo(2);
    }

    @Test
    void shouldKeepATradesAggressorAsBSOrZero() {
        TradeBatch batch = new TradeBatch(3);
        batch.add("BINANCE", BTC, 1, 0, 1, 1, 1, Side.BUY);
        batch.add("BINANCE", BTC, 2, 0, 2, 1, 1, Side.SELL);
        batch.add("BINANCE", BTC, 3, 0, 3, 1, 1, null);

        assertThat(new byte[] {batch.aggressor(0), batch.aggressor(1), batch.aggressor(2)})
                .containsExactly('B', 'S', 0);
    }

    @Test
    void shouldAcceptOnlyBarIntervalsTheSchemaCanHold() {
        assertThat(BarBatch.isValidInterval(60 * SECOND)).isTrue();
        assertThat(BarBatch.isValidInterval(Integer.MAX_VALUE * SECOND)).isTrue();
        assertThat(BarBatch.isValidInterval((Integer.MAX_VALUE + 1L) * SECOND)).isFalse();
        assertThat(BarBatch.isValidInterval(1_500_000_000L)).isFalse();
        assertThat(BarBatch.isValidInterval(0)).isFalse();
        assertThat(BarBatch.isValidInterval(-60 * SECOND)).isFalse();

        BarBatch batch = new BarBatch(1);
        assertThatThrownBy(() -> batch.add("BINANCE", BTC, 0, 1_500_000_000L, 1, 1, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole number of seconds");
        assertThat(batch.size()).isZero();
        assertThat(batch.add("BINANCE", BTC, 0, 60 * SECOND, 1, 2, 0, 1, 9)).isTrue();
        assertThat(batch.intervalSeconds(0)).isEqualTo(60);
        assertThat(batch.openTimeNanos(0)).isZero();
    }

    @Test
    void shouldCopyAtMostTheDepthOfEachSideOfABook() {
        OrderBook book = new OrderBook(BTC);
        BookUpdate u = new BookUpdate().reset(BTC, 1, 1, true, 1, 7);
        u.addBid(100, 1);
        u.addBid(99, 2);
        u.addBid(98, 3);
        u.addAsk(101, 4);
        book.apply(u);
        BookSnapshotBatch batch = new BookSnapshotBatch(1, 2);

        assertThat(batch.add("BINANCE", book, 5, 7)).isTrue();

        assertThat(batch.bidCount(0)).isEqualTo(2);
        assertThat(batch.askCount(0)).isEqualTo(1);
        assertThat(new long[] {batch.bidPrice(0, 0), batch.bidQty(0, 0), batch.bidPrice(0, 1), batch.bidQty(0, 1),
                batch.askPrice(0, 0), batch.askQty(0, 0)}).containsExactly(100, 1, 99, 2, 101, 4);
        assertThat(batch.instrument(0)).isSameAs(BTC);
        assertThatThrownBy(() -> new BookSnapshotBatch(1, 0)).hasMessageContaining("capacity and depth");
    }
}
