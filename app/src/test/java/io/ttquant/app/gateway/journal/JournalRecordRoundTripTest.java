package io.ttquant.app.gateway.journal;

import static io.ttquant.app.gateway.journal.JournalFixture.BTC;
import static io.ttquant.app.gateway.journal.JournalFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ttquant.core.order.LiquiditySide;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderStatus;
import io.ttquant.core.order.OrderType;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import io.ttquant.core.risk.TradingState;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalRecordRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void shouldReplayEveryRecordTypeWithEveryFieldInOrder() {
        OrderJournal j = JournalFixture.open(JournalFixture.config(dir).build());
        List<String> written = new ArrayList<>();
        List<Long> positions = new ArrayList<>();

        OrderSubmittedRecord sub = new OrderSubmittedRecord();
        sub.timeNanos = T0 + 1;
        sub.orderId = Long.MAX_VALUE - 7;
        sub.strategy = "mean-reversion.v2";
        sub.clientOrderId = "x".repeat(36);
        sub.venue = "binance";
        sub.symbol = "ETHBTC";
        sub.side = Side.SELL;
        sub.orderType = OrderType.STOP_LIMIT;
        sub.timeInForce = TimeInForce.GTX;
        sub.price = 5_432_100;
        sub.stopPrice = 5_400_000;
        sub.quantity = 123_456_789_012L;
        sub.reduceOnly = true;
        sub.priceScale = 5;
        sub.qtyScale = 4;
        OrderStateRecord state = new OrderStateRecord();
        state.timeNanos = T0 + 2;
        state.orderId = 42;
        state.status = OrderStatus.EXPIRED;
        state.rejectCode = RejectReason.IOC_REMAINDER.code();
        state.filledQty = 77;
        state.filledNotional = -1;
        state.fees = Long.MIN_VALUE;
        state.venueOrderId = 9_876_543_210L;
        FillRecord fill = new FillRecord();
        fill.timeNanos = T0 + 3;
        fill.orderId = 42;
        fill.tradeId = 555_666_777L;
        fill.qty = 5;
        fill.price = 6_123_456;
        fill.fee = 12_345;
        fill.feeAsset = "BNB";
        fill.liquidity = LiquiditySide.MAKER;

        for (JournalRecord r : List.of(sub, state, fill,
                new OrderUnknownRecord().set(T0 + 4, 42, OrderUnknownRecord.Request.CANCEL),
                new OrderResolvedRecord().set(T0 + 5, 42, OrderStatus.REJECTED, RejectReason.VENUE_ORDER_NOT_PLACED, 0),
                new KillSwitchRecord().set(T0 + 6, true, "daily loss limit"),
                new KillSwitchRecord().set(T0 + 7, false, ""),
                new StrategyStateRecord().set(T0 + 8, "alpha", TradingState.REDUCE_ONLY, "drawdown"),
                new RiskDayRecord().set(T0 + 9, "mean-reversion.v2", 19_675, -123_456_789_012L, Long.MIN_VALUE,
                        TradingState.HALTED),
                new ShutdownRecord().set(T0 + 10))) {
            positions.add(j.append(r));
            written.add(r.toString());
        }
        j.close();

        JournalFixture.Recorder rec = new JournalFixture.Recorder();
        ReplayResult result = JournalReader.replay(dir, rec);

        assertThat(result.ok()).as("%s", result.error()).isTrue();
        assertThat(rec.records).containsExactlyElementsOf(written);
        assertThat(rec.positions).containsExactlyElementsOf(positions);
        assertThat(result.records()).isEqualTo(written.size());
        assertThat(result.endPosition()).isEqualTo(positions.get(positions.size() - 1));
    }

    @Test
    void shouldFillRecordsFromCoreOrdersAndFills() {
        OrderJournal j = JournalFixture.open(JournalFixture.config(dir).build());
        Order o = JournalFixture.order(7, "alpha", "c-7", BTC, Side.BUY, BTC.qty("0.5"), BTC.price("61000.01"), T0);
        o.accept(T0 + 1);
        o.fill(BTC.qty("0.2"), BTC.price("61000.00"), 1_000, T0 + 2);
        j.appendSubmitted(T0, o, "paper");
        j.appendFill(T0 + 2, JournalFixture.fill(o, 99, BTC.qty("0.2"), BTC.price("61000.00"), 1_000, T0 + 2));
        j.appendState(T0 + 2, o, 123);
        j.close();

        JournalFixture.Recorder rec = new JournalFixture.Recorder();
        JournalReader.replay(dir, rec);

        assertThat(rec.records).containsExactly(
                "ORDER_SUBMITTED{t=" + T0 + " id=7 strategy=alpha clientId=c-7 venue=paper symbol=BTCUSDT BUY LIMIT GTC"
                        + " price=6100001 stop=0 qty=50000 reduceOnly=false scales=2/5}",
                "FILL{t=" + (T0 + 2) + " id=7 trade=99 qty=20000 price=6100000 fee=1000 USDT TAKER}",
                "ORDER_STATE{t=" + (T0 + 2) + " id=7 PARTIALLY_FILLED reject=0 filled=20000 notional=1220000000000"
                        + " fees=1000 venueOrderId=123}");
    }

    @Test
    void shouldRoundTripEverySnapshotRecord() {
        SnapshotBeginRecord begin = new SnapshotBeginRecord();
        begin.timeNanos = T0;
        begin.nextOrderId = 1_000_001;
        begin.coveredSegment = 17;
        begin.cleanShutdown = true;
        SnapshotPositionRecord pos = new SnapshotPositionRecord();
        pos.timeNanos = T0;
        pos.strategy = "";
        pos.venue = "binance";
        pos.symbol = "BTCUSDT";
        pos.priceScale = 2;
        pos.qtyScale = 5;
        pos.netQty = -123_456;
        pos.costBasis = -7_654_321_000L;
        pos.realizedPnl = 42;
        pos.feeCount = 2;
        pos.feeAssets[0] = "USDT";
        pos.feeAmounts[0] = 100;
        pos.feeAssets[1] = "BNB";
        pos.feeAmounts[1] = 7;
        SnapshotFillRecord f = new SnapshotFillRecord();
        f.timeNanos = T0 - 5;
        f.venue = "binance";
        f.symbol = "BTCUSDT";
        f.tradeId = 31_337;
        f.orderId = 12;
        RiskDayRecord day = new RiskDayRecord(RecordType.SNAPSHOT_RISK_DAY).set(T0 - 1, "alpha", 19_675, 42, -7,
                TradingState.REDUCE_ONLY);
        SnapshotEndRecord end = new SnapshotEndRecord();
        end.timeNanos = T0;
        end.records = 3;

        RecordFramer framer = new RecordFramer();
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);
        List<JournalRecord> records = List.of(begin, pos, f, day, end);
        for (JournalRecord r : records) {
            framer.frame(r, buf);
        }
        buf.flip();
        JournalFixture.Recorder rec = new JournalFixture.Recorder();
        RecordDecoder decoder = new RecordDecoder();
        while (buf.hasRemaining()) {
            int start = buf.position();
            int length = buf.getInt(start);
            RecordType type = RecordType.of(buf.getShort(start + 4));
            int limit = buf.limit();
            buf.position(start + RecordFramer.HEADER).limit(start + RecordFramer.HEADER + length);
            decoder.dispatch(type, buf, 0, rec);
            buf.limit(limit).position(start + RecordFramer.HEADER + length + RecordFramer.TRAILER);
        }

        assertThat(rec.records).containsExactly(begin.toString(), pos.toString(), f.toString(), day.toString(), end.toString());
        assertThat(day.toString()).startsWith("SNAPSHOT_RISK_DAY{");
    }

    @Test
    void shouldWriteTheDocumentedLittleEndianFrameWithCrc32cOverTypeAndBody() throws Exception {
        OrderJournal j = JournalFixture.open(JournalFixture.config(dir).build());
        long end = j.appendShutdown(0x0102030405060708L);
        j.close();

        byte[] file = Files.readAllBytes(JournalFixture.segment(dir, 0));
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(file).hasSize(FileHeader.SIZE + 4 + 2 + 8 + 4);
        assertThat(b.getInt(0)).isEqualTo(FileHeader.MAGIC);
        assertThat(b.getInt(FileHeader.SIZE)).as("body length").isEqualTo(8);
        assertThat(b.getShort(FileHeader.SIZE + 4)).as("type").isEqualTo(RecordType.SHUTDOWN.code());
        assertThat(file[FileHeader.SIZE + 6]).as("time, least significant byte first").isEqualTo((byte) 0x08);
        assertThat(b.getLong(FileHeader.SIZE + 6)).isEqualTo(0x0102030405060708L);
        CRC32C crc = new CRC32C();
        crc.update(file, FileHeader.SIZE + 4, 2 + 8);
        assertThat(b.getInt(FileHeader.SIZE + 14)).isEqualTo((int) crc.getValue());
        assertThat(end).isEqualTo(18);
    }

    @Test
    void shouldRefuseAClientOrderIdLongerThan36WithoutWritingAnything() {
        OrderJournal j = JournalFixture.open(JournalFixture.config(dir).build());
        Order ok = JournalFixture.order(1, "alpha", "ok", BTC, Side.BUY, 1_000, 100_000, T0);
        Order tooLong = JournalFixture.order(2, "alpha", "y".repeat(37), BTC, Side.BUY, 1_000, 100_000, T0);
        long p = j.appendSubmitted(T0, ok, "paper");

        assertThatThrownBy(() -> j.appendSubmitted(T0, tooLong, "paper")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("client order id");
        assertThatThrownBy(() -> j.append(new SnapshotEndRecord())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> j.append(new RiskDayRecord(RecordType.SNAPSHOT_RISK_DAY).set(T0, "alpha", 1, 0, 0,
                TradingState.ACTIVE))).isInstanceOf(IllegalArgumentException.class);
        assertThat(j.position()).isEqualTo(p);
        assertThat(j.appendShutdown(T0)).isGreaterThan(p);
        j.close();
        assertThat(JournalReader.replay(dir, new JournalFixture.Recorder()).records()).isEqualTo(2);
    }

    @Test
    void shouldCutFreeTextTo255AsciiCharacters() {
        OrderJournal j = JournalFixture.open(JournalFixture.config(dir).build());
        j.appendKillSwitch(T0, true, "é" + "r".repeat(300));
        j.close();
        JournalFixture.Recorder rec = new JournalFixture.Recorder();
        JournalReader.replay(dir, rec);
        assertThat(rec.records).containsExactly("KILL_SWITCH{t=" + T0 + " engaged=true reason=?" + "r".repeat(254) + "}");
    }
}
