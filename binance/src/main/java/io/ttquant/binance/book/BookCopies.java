package io.ttquant.binance.book;

import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.OrderBook;

/**
 * Copies book state into reusable {@link BookUpdate} events: a whole event (for buffering an
 * event its producer will reuse) or the top N levels of an {@link OrderBook} as a snapshot (for a
 * depth-N topic). Writes only into the target, which keeps its grown arrays, so once warm a copy
 * allocates nothing. Never modifies the source.
 */
public final class BookCopies {
    private BookCopies() {
    }

    /** Makes {@code dst} an exact copy of {@code src}: header, kind, update ids and every level. */
    public static BookUpdate copy(BookUpdate src, BookUpdate dst) {
        dst.reset(src.instrument(), src.exchangeTimeNanos(), src.receiveTimeNanos(), src.isSnapshot(),
                src.firstUpdateId(), src.lastUpdateId());
        int bids = src.bidCount();
        for (int i = 0; i < bids; i++) {
            dst.addBid(src.bidPrice(i), src.bidQty(i));
        }
        int asks = src.askCount();
        for (int i = 0; i < asks; i++) {
            dst.addAsk(src.askPrice(i), src.askQty(i));
        }
        return dst;
    }

    /**
     * Writes the best {@code depth} levels of each side of {@code book} into {@code dst} as a
     * snapshot (both update ids = the book's last update id, times from the book and the caller).
     */
    public static BookUpdate copyTop(OrderBook book, int depth, BookUpdate dst, long receiveTimeNanos) {
        if (depth < 0) {
            throw new IllegalArgumentException("depth must not be negative: " + depth);
        }
        long id = book.lastUpdateId();
        dst.reset(book.instrument(), book.timeNanos(), receiveTimeNanos, true, id, id);
        int bids = Math.min(depth, book.bidLevels());
        for (int i = 0; i < bids; i++) {
            dst.addBid(book.bidPrice(i), book.bidQty(i));
        }
        int asks = Math.min(depth, book.askLevels());
        for (int i = 0; i < asks; i++) {
            dst.addAsk(book.askPrice(i), book.askQty(i));
        }
        return dst;
    }
}
