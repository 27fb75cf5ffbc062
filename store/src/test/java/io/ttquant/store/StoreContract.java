package io.ttquant.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ttquant.core.data.MarketDataSource;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.OrderBook;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import io.ttquant.store.batch.BarBatch;
import io.ttquant.store.batch.BookSnapshotBatch;
import io.ttquant.store.batch.QuoteBatch;
import io.ttquant.store.batch.TradeBatch;
import io.ttquant.store.trading.FillRow;
import io.ttquant.store.trading.OrderRow;
import io.ttquant.store.trading.PositionRow;
import io.ttquant.store.trading.TradingBatch;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Store} must do, whatever database keeps the data: exact round trips of market
 * data (trades across several batches and fetches, quotes, bars, book snapshots), half-open time
 * ranges, truncation to the microsecond, bar upserts, the trading batch's exactly-once rules and
 * atomicity, identifier and scale checks, deleting a range, retention. One subclass per store
 * (DuckDB, PostgreSQL) says how to reach it and keeps the tests only that store has.
 */
public abstract class StoreContract {
    public static final String VENUE = "BINANCE";
    public static final Instrument BTC = Instruments.binanceSpot("BTCUSDT");
    public static final Instrument ETH = Instruments.binanceSpot("ETHUSDT");
    /** 2024-08-08T00:00:00Z. */
    public static final long T0 = 1_723_075_200_000_000_000L;
    public static final long DAY = 86_400_000_000_000L;

    /** The store under test, with every table empty when a test starts. */
    protected abstract Store store();

    /** A direct connection to the store's database whose default schema is the store's; the caller closes it. */
    protected abstract Connection connect() throws SQLException;

    /** The store's SQL for a timestamptz column as epoch microseconds (a BIGINT). */
    protected abstract String epochMicros(String column);

    /** Where the store keeps its data (a file, a schema), as its read sources name it. */
    protected abstract String location();

    /** What the store says when the database refused a row of a trading batch of 4 rows (each store words it its own way). */
    protected abstract void assertRefusedByTheDatabase(StoreException e);

    /** How many BTC trades the read-back test writes: enough to cross several batches and fetches. */
    protected int tradesToReadBack() {
        return 25_123;
    }

    @Test
    void shouldReadBackEveryTradeExactlyInTimeAndTradeIdOrderAcrossSeveralBatchesAndFetches() {
        int n = tradesToReadBack();
        List<long[]> expected = new ArrayList<>(n);
        TradeBatch batch = new TradeBatch(7_000);
        for (int i = 0; i < n; i++) {
            // pairs of trades share a microsecond, written with the higher id first
            long time = T0 + (i / 2) * 1_000L * 337;
            long id = 1_000_000L + (i % 2 == 0 ? i + 1 : i - 1);
            long price = 5_600_012L + (i % 977) * 3;
            long qty = 1 + (i * 7919L) % 9_000_000L;
            Side aggressor = i % 3 == 0 ? Side.BUY : i % 3 == 1 ? Side.SELL : null;
            long recv = i % 5 == 0 ? 0 : time + 1_000L * (i % 17 + 1);
            addOrFlush(batch, VENUE, BTC, time, recv, id, price, qty, aggressor);
            addOrFlush(batch, VENUE, ETH, time, recv, id, 300_000, 10_000, Side.BUY);
            addOrFlush(batch, "OTHER", BTC, time, recv, id, 1, 1, Side.BUY);
            expected.add(new long[] {time, id, price, qty, aggressor == null ? 0 : aggressor == Side.BUY ? 1 : 2,
                    recv == 0 ? time : recv});
        }
        store().writeTrades(batch);
        expected.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));

        long to = expected.get(expected.size() - 1)[0];
        List<long[]> wanted = expected.stream().filter(e -> e[0] < to).toList();
        int read = 0;
        try (MarketDataSource source = store().readTrades(VENUE, BTC, T0, to)) {
            TradeTick first = null;
            while (source.advance()) {
                TradeTick t = (TradeTick) source.current();
                first = first == null ? t : first;
                assertThat(t).as("one reused event").isSameAs(first);
                long[] e = wanted.get(read++);
                assertThat(t.instrument()).isSameAs(BTC);
                assertThat(new long[] {t.exchangeTimeNanos(), t.tradeId(), t.price(), t.qty(),
                        t.aggressor() == null ? 0 : t.aggressor() == Side.BUY ? 1 : 2, t.receiveTimeNanos()})
                        .as("trade %d", read).containsExactly(e);
            }
            assertThat(source.skippedRows()).isZero();
            assertThat(source.description()).contains("market_trades BINANCE BTCUSDT").contains(location());
        }
        assertThat(read).isEqualTo(wanted.size()).isGreaterThanOrEqualTo(n - 2);
        assertThat(store().count("market_trades")).isEqualTo(3L * n);
    }

    @Test
    void shouldReadFromTheStartOfTheRangeUpToButNotIncludingItsEndEvenWhenOpenEnded() {
        TradeBatch batch = new TradeBatch(10);
        for (int i = 0; i < 5; i++) {
            add(batch, VENUE, BTC, T0 + i * 1_000_000L, 0, i, 100, 1, Side.BUY);
        }
        store().writeTrades(batch);

        assertThat(readTradeIds(T0 + 1_000_000L, T0 + 4_000_000L)).containsExactly(1L, 2L, 3L);
        assertThat(readTradeIds(T0 + 1_000_001L, T0 + 4_000_001L)).containsExactly(2L, 3L, 4L);
        assertThat(readTradeIds(T0 + 4_000_000L, T0 + 1_000_000L)).isEmpty();
        assertThat(readTradeIds(Long.MIN_VALUE, Long.MAX_VALUE)).containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void shouldTruncateTimesToTheMicrosecondTowardTheEarlierOne() {
        TradeBatch batch = new TradeBatch(2);
        add(batch, VENUE, BTC, T0 + 123_456_789L, T0 + 987_654_321L, 7, 100, 1, null);
        add(batch, VENUE, BTC, -1_500L, 0, 8, 100, 1, null);
        store().writeTrades(batch);

        try (MarketDataSource source = store().readTrades(VENUE, BTC, T0, T0 + DAY)) {
            assertThat(source.advance()).isTrue();
            TradeTick t = (TradeTick) source.current();
            assertThat(t.exchangeTimeNanos()).isEqualTo(T0 + 123_456_000L);
            assertThat(t.receiveTimeNanos()).isEqualTo(T0 + 987_654_000L);
            assertThat(t.aggressor()).isNull();
            assertThat(source.advance()).isFalse();
        }
        // before 1970 the truncation is toward the earlier microsecond too
        assertThat(readTradeIds(-2_000L, -1_999L)).containsExactly(8L);
    }

    @Test
    void shouldReplaceABarWrittenAgainAndKeepTheLastOfABatch() {
        long minute = 60_000_000_000L;
        BarBatch batch = new BarBatch(10);
        batch.add(VENUE, BTC, T0, minute, 100, 110, 90, 105, 1_000);
        batch.add(VENUE, BTC, T0 + minute, minute, 105, 106, 104, 105, 10);
        batch.add(VENUE, BTC, T0, minute, 101, 111, 91, 106, 1_001);
        batch.add(VENUE, BTC, T0, 3_600_000_000_000L, 1, 2, 1, 2, 3);
        store().writeBars(batch);
        batch.clear();
        batch.add(VENUE, BTC, T0 + minute, minute, 205, 206, 204, 205, 20);
        store().writeBars(batch);

        assertThat(store().count("market_bars")).isEqualTo(3);
        List<String> bars = new ArrayList<>();
        try (MarketDataSource source = store().readBars(VENUE, BTC, minute, T0, T0 + DAY)) {
            while (source.advance()) {
                Bar b = (Bar) source.current();
                bars.add((b.openTimeNanos() - T0) / minute + ":" + b.open() + "/" + b.high() + "/" + b.low() + "/"
                        + b.close() + "/" + b.volume() + "@" + (b.closeTimeNanos() - T0) / minute);
            }
        }
        assertThat(bars).containsExactly("0:101/111/91/106/1001@1", "1:205/206/204/205/20@2");
        assertThatThrownBy(() -> store().readBars(VENUE, BTC, 1_500_000_000L, T0, T0 + DAY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldWriteQuotesAndReadThemBackInTimeOrder() {
        QuoteBatch batch = new QuoteBatch(4);
        batch.add(VENUE, BTC, T0 + 2_000, T0 + 3_000, 100, 5, 101, 6);
        batch.add(VENUE, BTC, T0 + 1_000, 0, 99, 7, 102, 8);
        batch.add(VENUE, ETH, T0 + 1_000, 0, 1, 1, 2, 1);
        store().writeQuotes(batch);

        assertThat(readQuotes()).containsExactly("1000/1000 99x7 102x8", "2000/3000 100x5 101x6");
        assertThat(store().count("market_quotes")).isEqualTo(3);
    }

    @Test
    void shouldWriteBookSnapshotsWithTheirLevels() throws SQLException {
        OrderBook book = new OrderBook(BTC);
        BookUpdate u = new BookUpdate().reset(BTC, T0, T0, true, 1, 42);
        u.addBid(100, 1);
        u.addBid(99, 2);
        u.addBid(98, 3);
        u.addAsk(101, 4);
        book.apply(u);
        BookSnapshotBatch batch = new BookSnapshotBatch(3, 2);
        batch.add(VENUE, book, T0, 42);
        book.clear();
        batch.add(VENUE, book, T0 + 1_000, 43);
        store().writeBookSnapshots(batch);
        batch.clear();
        u.reset(BTC, T0, T0, true, 44, 44);
        u.addBid(90, 9);
        u.addAsk(91, 8);
        u.addAsk(92, 7);
        book.apply(u);
        batch.add(VENUE, book, T0 + 2_000, 44);
        store().writeBookSnapshots(batch);

        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT last_update_id, bid_prices, bid_qtys, ask_prices, ask_qtys, "
                     + "price_scale, qty_scale, venue, symbol, " + epochMicros("time")
                     + " FROM book_snapshots ORDER BY time")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(42);
            assertThat(longs(rs.getArray(2))).containsExactly(100L, 99L);
            assertThat(longs(rs.getArray(3))).containsExactly(1L, 2L);
            assertThat(longs(rs.getArray(4))).containsExactly(101L);
            assertThat(longs(rs.getArray(5))).containsExactly(4L);
            assertThat(rs.getInt(6)).isEqualTo(BTC.priceScale());
            assertThat(rs.getInt(7)).isEqualTo(BTC.qtyScale());
            assertThat(rs.getString(8)).isEqualTo(VENUE);
            assertThat(rs.getString(9)).isEqualTo("BTCUSDT");
            assertThat(rs.getLong(10)).isEqualTo(T0 / 1_000);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(43);
            assertThat(longs(rs.getArray(2))).isEmpty();
            assertThat(longs(rs.getArray(4))).isEmpty();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(44);
            assertThat(longs(rs.getArray(2))).containsExactly(90L);
            assertThat(longs(rs.getArray(3))).containsExactly(9L);
            assertThat(longs(rs.getArray(4))).containsExactly(91L, 92L);
            assertThat(longs(rs.getArray(5))).containsExactly(8L, 7L);
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void shouldKeepTheNewestStateOfAnOrderWrittenTwice() throws SQLException {
        store().writeTrading(new TradingBatch().addOrder(order(1, "NEW", 0, T0 + 1_000)));
        store().writeTrading(new TradingBatch().addOrder(order(1, "FILLED", 5, T0 + 2_000))
                .addOrder(order(1, "PARTIALLY_FILLED", 3, T0 + 1_500)));

        assertThat(store().count("orders")).isEqualTo(1);
        assertThat(strings("SELECT status || ' ' || filled_qty || ' ' || (" + epochMicros("updated_time") + " - "
                + T0 / 1_000 + ") || ' ' || (" + epochMicros("created_time") + " - " + T0 / 1_000 + ") || ' ' || "
                + "coalesce(reject_reason, -1) || ' ' || coalesce(venue_order_id, '-') FROM orders WHERE order_id = 1"))
                .containsExactly("FILLED 5 2 0 -1 -");
    }

    @Test
    void shouldNotLetAnOlderUpdateOfAnOrderWin() throws SQLException {
        store().writeTrading(new TradingBatch().addOrder(order(2, "CANCELED", 0, T0 + 5_000)));
        store().writeTrading(new TradingBatch().addOrder(order(2, "NEW", 0, T0 + 4_000)));

        assertThat(strings("SELECT status FROM orders WHERE order_id = 2")).containsExactly("CANCELED");
    }

    @Test
    void shouldStoreAFillWrittenTwiceOnce() throws SQLException {
        FillRow fill = fill(77, T0 + 9_000, "USDT");
        store().writeTrading(new TradingBatch().addFill(fill));
        store().writeTrading(new TradingBatch().addFill(fill).addFill(fill));

        assertThat(store().count("fills")).isEqualTo(1);
        assertThat(strings("SELECT trade_id || ' ' || side || ' ' || qty || ' ' || price || ' ' || fee || ' ' "
                + "|| fee_asset || ' ' || liquidity FROM fills")).containsExactly("77 B 150 5600012 1200 USDT T");
    }

    @Test
    void shouldUpsertAPositionSnapshotOnItsTime() throws SQLException {
        store().writeTrading(new TradingBatch().addPosition(position(T0, 10, 560_000)));
        store().writeTrading(new TradingBatch().addPosition(position(T0, 12, 672_000))
                .addPosition(position(T0 + 1_000, 0, 0)));

        assertThat(strings("SELECT net_qty || ' ' || cost_basis FROM positions ORDER BY time"))
                .containsExactly("12 672000", "0 0");
    }

    @Test
    void shouldKeepTheLastPositionSnapshotOfOneTimeInABatchAndTheNewestOfEqualOrderUpdates() throws SQLException {
        store().writeTrading(new TradingBatch().addPosition(position(T0, 1, 100)).addPosition(position(T0, 2, 200))
                .addOrder(order(9, "NEW", 0, T0)).addOrder(order(9, "CANCELED", 0, T0)));

        assertThat(strings("SELECT net_qty || ' ' || cost_basis FROM positions")).containsExactly("2 200");
        assertThat(strings("SELECT status FROM orders WHERE order_id = 9")).containsExactly("CANCELED");
    }

    @Test
    void shouldWriteTenThousandOrdersAndFillsInOneBatchAndReplayThemWithoutDuplicates() throws SQLException {
        TradingBatch batch = new TradingBatch();
        for (int i = 0; i < 10_000; i++) {
            batch.addOrder(order(i, "NEW", 0, T0 + i)).addFill(fill(i, T0 + i * 1_000L, "USDT"));
        }
        store().writeTrading(batch.progress("journal", 10_000));
        store().writeTrading(batch);

        assertThat(store().count("orders")).isEqualTo(10_000);
        assertThat(store().count("fills")).isEqualTo(10_000);
        assertThat(strings("SELECT count(DISTINCT client_order_id) || ' ' || sum(order_id) FROM orders"))
                .containsExactly("10000 49995000");
    }

    @Test
    void shouldStoreProgressWithTheRowsItCovers() {
        assertThat(store().progress("gateway-journal")).isEmpty();
        store().writeTrading(new TradingBatch().addOrder(order(3, "NEW", 0, T0)).progress("gateway-journal", 4_096));
        assertThat(store().progress("gateway-journal")).isEqualTo(OptionalLong.of(4_096));
        store().writeTrading(new TradingBatch().progress("gateway-journal", 8_192));
        assertThat(store().progress("gateway-journal")).isEqualTo(OptionalLong.of(8_192));
        assertThat(store().progress("other")).isEmpty();
    }

    @Test
    void shouldWriteNothingAndKeepTheProgressWhenARowIsRefusedBeforeWriting() {
        store().writeTrading(new TradingBatch().progress("journal", 100));
        TradingBatch bad = new TradingBatch().addOrder(order(4, "NEW", 0, T0))
                .addFill(new FillRow(VENUE, "BTC'USDT", 1, T0, 4, "momentum", 'B', 1, 1, 2, 5, 0, "USDT", 'T'))
                .progress("journal", 200);

        StoreException e = catchThrowableOfType(StoreException.class, () -> store().writeTrading(bad));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("fills row 0").contains("symbol").contains("BTC'USDT");
        assertThat(store().count("orders")).isZero();
        assertThat(store().progress("journal")).isEqualTo(OptionalLong.of(100));
    }

    @Test
    void shouldRollBackTheWholeBatchWhenTheDatabaseRefusesARow() throws SQLException {
        store().writeTrading(new TradingBatch().progress("journal", 100));
        // a key only this test has: the second position fails after the order and the fill were written
        sql("CREATE UNIQUE INDEX one_position_per_strategy ON positions (strategy)");
        try {
            TradingBatch bad = new TradingBatch().addOrder(order(5, "NEW", 0, T0)).addFill(fill(1, T0, "USDT"))
                    .addPosition(position(T0, 1, 1)).addPosition(position(T0 + 1_000, 2, 2)).progress("journal", 200);

            StoreException e = catchThrowableOfType(StoreException.class, () -> store().writeTrading(bad));

            assertThat(e.retryable()).isFalse();
            assertRefusedByTheDatabase(e);
            assertThat(store().count("orders")).isZero();
            assertThat(store().count("fills")).isZero();
            assertThat(store().count("positions")).isZero();
            assertThat(store().progress("journal")).isEqualTo(OptionalLong.of(100));
        } finally {
            sql("DROP INDEX one_position_per_strategy");
        }
        store().writeTrading(new TradingBatch().addOrder(order(5, "NEW", 0, T0)).progress("journal", 200));
        assertThat(store().progress("journal")).isEqualTo(OptionalLong.of(200));
    }

    @Test
    void shouldRefuseABadVenueSymbolOrStrategyAsNotRetryableAndWriteNothing() {
        TradeBatch batch = new TradeBatch(3);
        add(batch, VENUE, BTC, T0, 0, 1, 1, 1, Side.BUY);
        add(batch, "BIN ANCE'); DROP TABLE orders; --", BTC, T0, 0, 2, 1, 1, Side.BUY);

        StoreException e = catchThrowableOfType(StoreException.class, () -> store().writeTrades(batch));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("market_trades row 1").contains("venue");
        assertThat(store().count("market_trades")).isZero();

        QuoteBatch quotes = new QuoteBatch(1);
        quotes.add("", BTC, T0, 0, 1, 1, 2, 1);
        StoreException q = catchThrowableOfType(StoreException.class, () -> store().writeQuotes(quotes));
        assertThat(q.retryable()).isFalse();
        assertThat(q.getMessage()).contains("market_quotes row 0").contains("venue ''");
        assertThat(store().count("market_quotes")).isZero();

        assertThatThrownBy(() -> store().readTrades("BAD VENUE", BTC, T0, T0 + DAY))
                .isInstanceOf(StoreException.class).hasMessageContaining("venue");
        assertThatThrownBy(() -> store().deleteTrades(VENUE, "BTC USDT", T0, T0 + DAY))
                .isInstanceOf(StoreException.class).hasMessageContaining("symbol 'BTC USDT'");
        assertThatThrownBy(() -> store().writeTrading(new TradingBatch().addPosition(new PositionRow(VENUE,
                "mom entum", "BTCUSDT", T0, 1, 1, 1, 2, 5)))).isInstanceOf(StoreException.class)
                .hasMessageContaining("strategy");
        assertThat(store().count("orders")).isZero();
    }

    @Test
    void shouldRefuseToCountATableItDoesNotKnow() {
        assertThatThrownBy(() -> store().count("pg_authid")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown table");
        assertThatThrownBy(() -> store().count("orders; DROP TABLE fills"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store().count("fills")).isZero();
    }

    @Test
    void shouldRefuseToReadTradesStoredAtOtherScales() {
        TradeBatch batch = new TradeBatch(1);
        add(batch, VENUE, BTC, T0, 0, 1, 100, 1, Side.BUY);
        store().writeTrades(batch);
        Instrument finer = BTC.withQtyScale(8);

        try (MarketDataSource source = store().readTrades(VENUE, finer, T0, T0 + DAY)) {
            StoreException e = catchThrowableOfType(StoreException.class, source::advance);
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).contains("quantity scale 5").contains("has 2 and 8");
            assertThat(source.advance()).isFalse();
        }
    }

    @Test
    void shouldDeleteTheTradesOfOneSymbolInARange() {
        TradeBatch batch = new TradeBatch(20);
        for (int i = 0; i < 5; i++) {
            add(batch, VENUE, BTC, T0 + i * 1_000_000L, 0, i, 100, 1, Side.BUY);
            add(batch, VENUE, ETH, T0 + i * 1_000_000L, 0, i, 100, 1, Side.BUY);
        }
        store().writeTrades(batch);

        assertThat(store().deleteTrades(VENUE, "BTCUSDT", T0 + 1_000_000L, T0 + 3_000_000L)).isEqualTo(2);

        assertThat(readTradeIds(T0, T0 + DAY)).containsExactly(0L, 3L, 4L);
        assertThat(store().count("market_trades")).isEqualTo(8);
    }

    @Test
    void shouldDeleteOnlyMarketDataOlderThanTheRetention() {
        long now = T0 + 100 * DAY;
        long old = now - 31 * DAY;
        long recent = now - 29 * DAY;
        writeOneOfEach(old);
        writeOneOfEach(recent);

        assertThat(store().applyRetention(now)).isEqualTo(4);

        assertThat(store().count("market_trades")).isEqualTo(1);
        assertThat(store().count("market_quotes")).isEqualTo(1);
        assertThat(store().count("market_bars")).isEqualTo(1);
        assertThat(store().count("book_snapshots")).isEqualTo(1);
        assertThat(store().count("orders")).isEqualTo(2);
        assertThat(store().count("fills")).isEqualTo(2);
        assertThat(store().count("positions")).isEqualTo(2);
        assertThat(readTradeIds(T0, now)).containsExactly(recent);
        assertThat(store().applyRetention(now)).isZero();
    }

    // ---------------------------------------------------------------- helpers for subclasses too

    /** One trade, quote, bar, book snapshot, order, fill and position at {@code time} (the trade's id is the time). */
    protected final void writeOneOfEach(long time) {
        TradeBatch trades = new TradeBatch(1);
        add(trades, VENUE, BTC, time, 0, time, 1, 1, Side.BUY);
        store().writeTrades(trades);
        QuoteBatch quotes = new QuoteBatch(1);
        quotes.add(VENUE, BTC, time, 0, 1, 1, 2, 1);
        store().writeQuotes(quotes);
        BarBatch bars = new BarBatch(1);
        bars.add(VENUE, BTC, time, 60_000_000_000L, 1, 1, 1, 1, 1);
        store().writeBars(bars);
        BookSnapshotBatch books = new BookSnapshotBatch(1, 1);
        books.add(VENUE, new OrderBook(BTC), time, 1);
        store().writeBookSnapshots(books);
        long id = time % 1_000_000_007L;
        store().writeTrading(new TradingBatch().addOrder(order(id, "FILLED", 1, time)).addFill(fill(id, time, "USDT"))
                .addPosition(position(time, 1, 1)));
    }

    protected static void add(TradeBatch batch, String venue, Instrument instrument, long time, long recv, long id,
                              long price, long qty, Side aggressor) {
        assertThat(batch.add(venue, instrument, time, recv, id, price, qty, aggressor)).isTrue();
    }

    /** Adds a trade, writing and clearing the batch first when it is full. */
    private void addOrFlush(TradeBatch batch, String venue, Instrument instrument, long time, long recv, long id,
                            long price, long qty, Side aggressor) {
        if (batch.isFull()) {
            store().writeTrades(batch);
            batch.clear();
        }
        add(batch, venue, instrument, time, recv, id, price, qty, aggressor);
    }

    protected final List<Long> readTradeIds(long from, long to) {
        List<Long> ids = new ArrayList<>();
        try (MarketDataSource source = store().readTrades(VENUE, BTC, from, to)) {
            while (source.advance()) {
                ids.add(((TradeTick) source.current()).tradeId());
            }
        }
        return ids;
    }

    /** The BTC quotes of the first day as "time/receive time bid x qty ask x qty", times relative to T0. */
    protected final List<String> readQuotes() {
        List<String> quotes = new ArrayList<>();
        try (MarketDataSource source = store().readQuotes(VENUE, BTC, T0, T0 + DAY)) {
            while (source.advance()) {
                QuoteTick q = (QuoteTick) source.current();
                quotes.add((q.exchangeTimeNanos() - T0) + "/" + (q.receiveTimeNanos() - T0) + " " + q.bidPrice() + "x"
                        + q.bidQty() + " " + q.askPrice() + "x" + q.askQty());
            }
        }
        return quotes;
    }

    protected static OrderRow order(long id, String status, long filled, long updated) {
        return new OrderRow(VENUE, id, "momentum", "c-" + id, "BTCUSDT", 'B', "LIMIT", "GTC", 5_600_000, 0, 10, 2, 5,
                false, status, 0, filled, filled * 56_000_000L, 0, null, T0, updated);
    }

    protected static FillRow fill(long tradeId, long time, String feeAsset) {
        return new FillRow(VENUE, "BTCUSDT", tradeId, time, 1, "momentum", 'B', 150, 5_600_012, 2, 5, 1_200, feeAsset,
                'T');
    }

    protected static PositionRow position(long time, long netQty, long costBasis) {
        return new PositionRow(VENUE, "momentum", "BTCUSDT", time, netQty, costBasis, 0, 2, 5);
    }

    /** Runs one statement in the store's schema. */
    protected final void sql(String statement) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    /** The first column of a query in the store's schema, as strings. */
    protected final List<String> strings(String query) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    protected static List<Long> longs(Array array) throws SQLException {
        List<Long> out = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            out.add(((Number) o).longValue());
        }
        return out;
    }
}
