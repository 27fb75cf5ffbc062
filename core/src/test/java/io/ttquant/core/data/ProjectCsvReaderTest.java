package io.ttquant.core.data;

import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static io.ttquant.core.data.Fixtures.MINUTE;
import static io.ttquant.core.data.Fixtures.MS;
import static io.ttquant.core.data.Fixtures.bars;
import static io.ttquant.core.data.Fixtures.events;
import static io.ttquant.core.data.Fixtures.open;
import static io.ttquant.core.data.Fixtures.resource;
import static io.ttquant.core.data.Fixtures.trades;
import static io.ttquant.core.data.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectCsvReaderTest {
    @TempDir
    Path tmp;

    @Test
    void shouldReadBarsWithTimeAsOpenTimeAndInferredInterval() {
        List<Bar> bars = bars(open(resource("csv-bars.csv"), FileFormat.CSV));

        assertThat(bars).hasSize(3);
        assertThat(bars.get(0).openTimeNanos()).isEqualTo(1_704_067_200_000L * MS);
        assertThat(bars.get(0).intervalNanos()).isEqualTo(60 * MINUTE);
        assertThat(bars.get(0).timeNanos()).isEqualTo(1_704_070_800_000L * MS);
        assertThat(bars.get(1).high()).isEqualTo(4_230_000L);
        assertThat(bars.get(1).low()).isEqualTo(4_210_050L);
        assertThat(bars.get(1).volume()).isEqualTo(120_050_000L);
        assertThat(bars.get(2).close()).isEqualTo(4_201_000L);
        assertThat(bars.get(2).intervalNanos()).isEqualTo(60 * MINUTE);
    }

    @Test
    void shouldTakeIntervalColumnAsDurationOrMilliseconds() {
        List<Bar> bars = bars(open(resource("csv-bars-interval.csv"), FileFormat.CSV));

        assertThat(bars).extracting(Bar::intervalNanos).containsExactly(MINUTE, MINUTE);
        assertThat(bars.get(1).open()).isEqualTo(4_227_536L);
    }

    @Test
    void shouldReadTradesWithOptionalSideAndTradeId() {
        List<TradeTick> trades = trades(open(resource("csv-trades.csv"), FileFormat.CSV));

        assertThat(trades).hasSize(3);
        assertThat(trades.get(0).aggressor()).isEqualTo(Side.SELL);
        assertThat(trades.get(0).tradeId()).isEqualTo(3_735_683_259L);
        assertThat(trades.get(0).price()).isEqualTo(6_183_763L);
        assertThat(trades.get(1).aggressor()).isEqualTo(Side.BUY);
        assertThat(trades.get(1).qty()).isEqualTo(4_800L);
        assertThat(trades.get(2).aggressor()).isNull();
        assertThat(trades.get(2).tradeId()).isZero();
        assertThat(trades.get(2).exchangeTimeNanos()).isEqualTo(1_723_161_255_617L * MS);
    }

    @Test
    void shouldReadQuotes() {
        List<MarketEvent> events = events(open(resource("csv-quotes.csv"), FileFormat.CSV));

        assertThat(events).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(QuoteTick.class));
        QuoteTick q = (QuoteTick) events.get(0);
        assertThat(q.exchangeTimeNanos()).isEqualTo(1_723_161_254_087L * MS);
        assertThat(q.bidPrice()).isEqualTo(6_183_763L);
        assertThat(q.bidQty()).isEqualTo(120_514L);
        assertThat(q.askPrice()).isEqualTo(6_183_764L);
        assertThat(q.askQty()).isEqualTo(50_000L);
    }

    @Test
    void shouldFindColumnsByNameInAnyOrder() throws IOException {
        Path file = write(tmp, "q.csv", "ask_qty,ASK,bid_qty,bid,time", "0.5,61837.64,1.2,61837.63,1723161254087");

        List<MarketEvent> events = events(open(file, FileFormat.CSV));

        QuoteTick q = (QuoteTick) events.get(0);
        assertThat(q.bidPrice()).isEqualTo(6_183_763L);
        assertThat(q.askPrice()).isEqualTo(6_183_764L);
        assertThat(q.askQty()).isEqualTo(50_000L);
    }

    @Test
    void shouldRequireHeader() {
        assertThatThrownBy(() -> bars(open(resource("csv-no-header.csv"), FileFormat.CSV)))
                .isInstanceOf(MarketDataFormatException.class)
                .hasMessageStartingWith("csv-no-header.csv:1: the csv format needs a header row");
    }

    @Test
    void shouldRefuseUnknownHeaderColumn() throws IOException {
        Path file = write(tmp, "b.csv", "time,open,high,low,close,volum", "1704067200000,1,1,1,1,1");

        assertThatThrownBy(() -> bars(open(file, FileFormat.CSV)))
                .isInstanceOf(MarketDataFormatException.class)
                .hasMessageStartingWith("b.csv:1: unknown column 'volum' in the header");
    }

    @Test
    void shouldRefuseHeaderMissingRequiredColumn() throws IOException {
        Path file = write(tmp, "t.csv", "time,price,side", "1704067200000,1,BUY");

        assertThatThrownBy(() -> bars(open(file, FileFormat.CSV)))
                .isInstanceOf(MarketDataFormatException.class)
                .hasMessageStartingWith("t.csv:1: the header lacks the 'qty' column");
    }

    @Test
    void shouldRefuseHeaderEvenUnderSkipPolicy() throws IOException {
        Path file = write(tmp, "x.csv", "when,what", "1,2");

        assertThatThrownBy(() -> bars(Fixtures.openSkipping(file, FileFormat.CSV)))
                .isInstanceOf(MarketDataFormatException.class)
                .hasMessageStartingWith("x.csv:1: header names no known layout");
    }

    @Test
    void shouldRejectCrossedQuoteAndBadSide() throws IOException {
        Path quotes = write(tmp, "q.csv", "time,bid,bid_qty,ask,ask_qty", "1723161254087,61837.64,1,61837.64,1");
        Path trades = write(tmp, "t.csv", "time,price,qty,side", "1723161254087,61837.64,1,LONG");

        assertThatThrownBy(() -> events(open(quotes, FileFormat.CSV)))
                .hasMessage("q.csv:2: crossed quote: bid 61837.64 is not below ask 61837.64");
        assertThatThrownBy(() -> events(open(trades, FileFormat.CSV)))
                .hasMessage("t.csv:2: side: expected BUY, SELL or empty, got 'LONG'");
    }

    @Test
    void shouldRejectBadIntervalText() throws IOException {
        Path file = write(tmp, "b.csv", "time,open,high,low,close,volume,interval", "1704067200000,1,1,1,1,1,1M");

        assertThatThrownBy(() -> bars(open(file, FileFormat.CSV)))
                .hasMessageStartingWith("b.csv:2: interval: not a bar interval: '1M'");
    }

    @Test
    void shouldRejectRowWithWrongColumnCount() throws IOException {
        Path file = write(tmp, "t.csv", "time,price,qty", "1723161254087,61837.64");

        assertThatThrownBy(() -> events(open(file, FileFormat.CSV)))
                .hasMessage("t.csv:2: expected 3 columns, got 2");
    }
}
