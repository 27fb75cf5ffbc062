package io.ttquant.binance.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.marketdata.OrderBook;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/** Level-by-level comparisons of books, for tests. */
final class BookAssertions {
    private BookAssertions() {
    }

    /** Both sides of {@code book} as "price:qty" strings, best first. */
    static List<String> levels(OrderBook book) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < book.bidLevels(); i++) {
            out.add("B" + book.bidPrice(i) + ":" + book.bidQty(i));
        }
        for (int i = 0; i < book.askLevels(); i++) {
            out.add("A" + book.askPrice(i) + ":" + book.askQty(i));
        }
        return out;
    }

    /** The same rendering for a model book: bids and asks as price to quantity maps. */
    static List<String> levels(NavigableMap<Long, Long> bids, NavigableMap<Long, Long> asks) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<Long, Long> e : bids.descendingMap().entrySet()) {
            out.add("B" + e.getKey() + ":" + e.getValue());
        }
        for (Map.Entry<Long, Long> e : asks.entrySet()) {
            out.add("A" + e.getKey() + ":" + e.getValue());
        }
        return out;
    }

    static void assertSameBook(OrderBook actual, OrderBook expected) {
        assertThat(levels(actual)).isEqualTo(levels(expected));
        assertThat(actual.lastUpdateId()).isEqualTo(expected.lastUpdateId());
    }
}
