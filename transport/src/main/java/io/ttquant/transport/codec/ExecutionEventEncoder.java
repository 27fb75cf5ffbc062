package io.ttquant.transport.codec;

import io.ttquant.transport.proto.ExecutionEvent;
import io.ttquant.transport.proto.ExecutionReport;
import io.ttquant.transport.proto.PositionUpdate;
import java.util.Arrays;

/**
 * Writes an {@code ExecutionEvent} (the payload on topic {@code exec.<strategy>}) holding a
 * {@link MutableExecutionReport} or a {@link MutablePositionUpdate} into one reused byte array,
 * byte for byte what the protoc-generated classes serialize for the same values.
 *
 * <p>The inner message is written first, after room kept for the event's header (sequence,
 * publish time, the inner message's tag and length), and the header is then written just in front
 * of it, so nothing is sized twice or copied. The encoded event is
 * {@code buffer()[offset(), offset() + length())}, valid until the next encode. Allocates nothing
 * once the array is large enough; it grows only for strings longer than any seen before. One
 * encoder per thread.
 */
public final class ExecutionEventEncoder {
    /** Room for the header: sequence (1 + 10), publish time (1 + 8), tag (1) and length (5) of the inner message. */
    private static final int HEADER_ROOM = 32;
    /** Worst case of every field other than strings, in either inner message. */
    private static final int FIXED_FIELDS_MAX = 28 * (3 + ProtoWriter.MAX_VARINT_BYTES);
    /** Tag and length prefix of one string field. */
    private static final int STRING_OVERHEAD = 3 + 5;

    private final ProtoWriter writer = new ProtoWriter();
    private byte[] buffer = new byte[512];
    private int offset;
    private int length;

    /** Encodes an event carrying {@code report}; returns its length. */
    public int encode(long sequence, long publishTimeNanos, MutableExecutionReport r) {
        ensureCapacity(r.strategy.length() + r.clientOrderId.length() + r.venue.length() + r.symbol.length()
                + r.rejectReason.length() + r.feeAsset.length(), 6);
        ProtoWriter w = writer;
        w.wrap(buffer, HEADER_ROOM);
        string(ExecutionReport.STRATEGY_FIELD_NUMBER, r.strategy);
        string(ExecutionReport.CLIENT_ORDER_ID_FIELD_NUMBER, r.clientOrderId);
        w.int64Field(ExecutionReport.ORDER_ID_FIELD_NUMBER, r.orderId);
        string(ExecutionReport.VENUE_FIELD_NUMBER, r.venue);
        string(ExecutionReport.SYMBOL_FIELD_NUMBER, r.symbol);
        w.int32Field(ExecutionReport.SIDE_FIELD_NUMBER, r.side);
        w.int32Field(ExecutionReport.TYPE_FIELD_NUMBER, r.type);
        w.int32Field(ExecutionReport.TIME_IN_FORCE_FIELD_NUMBER, r.timeInForce);
        w.int32Field(ExecutionReport.STATUS_FIELD_NUMBER, r.status);
        w.int32Field(ExecutionReport.REJECT_CODE_FIELD_NUMBER, r.rejectCode);
        string(ExecutionReport.REJECT_REASON_FIELD_NUMBER, r.rejectReason);
        w.int64Field(ExecutionReport.PRICE_FIELD_NUMBER, r.price);
        w.int64Field(ExecutionReport.STOP_PRICE_FIELD_NUMBER, r.stopPrice);
        w.int64Field(ExecutionReport.QUANTITY_FIELD_NUMBER, r.quantity);
        w.int64Field(ExecutionReport.LAST_FILL_QTY_FIELD_NUMBER, r.lastFillQty);
        w.int64Field(ExecutionReport.LAST_FILL_PRICE_FIELD_NUMBER, r.lastFillPrice);
        w.int64Field(ExecutionReport.TRADE_ID_FIELD_NUMBER, r.tradeId);
        w.int32Field(ExecutionReport.LIQUIDITY_FIELD_NUMBER, r.liquidity);
        w.int64Field(ExecutionReport.FEE_FIELD_NUMBER, r.fee);
        string(ExecutionReport.FEE_ASSET_FIELD_NUMBER, r.feeAsset);
        w.int64Field(ExecutionReport.CUMULATIVE_QTY_FIELD_NUMBER, r.cumulativeQty);
        w.int64Field(ExecutionReport.CUMULATIVE_NOTIONAL_FIELD_NUMBER, r.cumulativeNotional);
        w.int64Field(ExecutionReport.CUMULATIVE_FEE_FIELD_NUMBER, r.cumulativeFee);
        w.int64Field(ExecutionReport.LEAVES_QTY_FIELD_NUMBER, r.leavesQty);
        w.int32Field(ExecutionReport.PRICE_SCALE_FIELD_NUMBER, r.priceScale);
        w.int32Field(ExecutionReport.QTY_SCALE_FIELD_NUMBER, r.qtyScale);
        w.int32Field(ExecutionReport.CASH_SCALE_FIELD_NUMBER, r.cashScale);
        w.sfixed64Field(ExecutionReport.EVENT_TIME_NS_FIELD_NUMBER, r.eventTimeNanos);
        return header(sequence, publishTimeNanos, ExecutionEvent.REPORT_FIELD_NUMBER, w.position());
    }

    /** Encodes an event carrying {@code position}; returns its length. */
    public int encode(long sequence, long publishTimeNanos, MutablePositionUpdate p) {
        ensureCapacity(p.strategy.length() + p.venue.length() + p.symbol.length(), 3);
        ProtoWriter w = writer;
        w.wrap(buffer, HEADER_ROOM);
        string(PositionUpdate.STRATEGY_FIELD_NUMBER, p.strategy);
        string(PositionUpdate.VENUE_FIELD_NUMBER, p.venue);
        string(PositionUpdate.SYMBOL_FIELD_NUMBER, p.symbol);
        w.int64Field(PositionUpdate.NET_QTY_FIELD_NUMBER, p.netQty);
        w.int64Field(PositionUpdate.COST_BASIS_FIELD_NUMBER, p.costBasis);
        w.int64Field(PositionUpdate.AVG_ENTRY_PRICE_FIELD_NUMBER, p.avgEntryPrice);
        w.int64Field(PositionUpdate.REALIZED_PNL_FIELD_NUMBER, p.realizedPnl);
        w.int64Field(PositionUpdate.MARK_PRICE_FIELD_NUMBER, p.markPrice);
        w.int32Field(PositionUpdate.PRICE_SCALE_FIELD_NUMBER, p.priceScale);
        w.int32Field(PositionUpdate.QTY_SCALE_FIELD_NUMBER, p.qtyScale);
        w.int32Field(PositionUpdate.CASH_SCALE_FIELD_NUMBER, p.cashScale);
        w.sfixed64Field(PositionUpdate.TIME_NS_FIELD_NUMBER, p.timeNanos);
        return header(sequence, publishTimeNanos, ExecutionEvent.POSITION_FIELD_NUMBER, w.position());
    }

    /** The array holding the last encoded event (from {@link #offset()}). */
    public byte[] buffer() {
        return buffer;
    }

    /** Where the last encoded event starts in {@link #buffer()}. */
    public int offset() {
        return offset;
    }

    /** Length of the last encoded event. */
    public int length() {
        return length;
    }

    /**
     * Writes the event's fields in front of the inner message that ends at {@code end}: sequence,
     * publish time, then the inner message's tag and length, ending exactly where it starts.
     */
    private int header(long sequence, long publishTimeNanos, int innerField, int end) {
        int inner = end - HEADER_ROOM;
        int size = ProtoWriter.varintSize(tagOf(innerField, ProtoWriter.WIRE_LENGTH_DELIMITED)) + ProtoWriter.varintSize(inner);
        if (sequence != 0) {
            size += ProtoWriter.varintSize(tagOf(ExecutionEvent.SEQUENCE_FIELD_NUMBER, ProtoWriter.WIRE_VARINT))
                    + ProtoWriter.varintSize(sequence);
        }
        if (publishTimeNanos != 0) {
            size += ProtoWriter.varintSize(tagOf(ExecutionEvent.PUBLISH_TIME_NS_FIELD_NUMBER, ProtoWriter.WIRE_FIXED64)) + 8;
        }
        int start = HEADER_ROOM - size;
        ProtoWriter w = writer;
        w.wrap(buffer, start);
        w.int64Field(ExecutionEvent.SEQUENCE_FIELD_NUMBER, sequence);
        w.sfixed64Field(ExecutionEvent.PUBLISH_TIME_NS_FIELD_NUMBER, publishTimeNanos);
        w.tag(innerField, ProtoWriter.WIRE_LENGTH_DELIMITED);
        w.varint(inner);
        if (w.position() != HEADER_ROOM) {
            throw new IllegalStateException("event header sized " + size + " but written to " + (w.position() - start));
        }
        offset = start;
        length = end - start;
        return length;
    }

    /** A proto3 string field from a slice: left out when empty. */
    private void string(int field, ByteSlice s) {
        int n = s.length();
        if (n == 0) {
            return;
        }
        ProtoWriter w = writer;
        w.tag(field, ProtoWriter.WIRE_LENGTH_DELIMITED);
        w.varint(n);
        int at = w.position();
        System.arraycopy(s.bytes(), s.offset(), buffer, at, n);
        w.wrap(buffer, at + n);
    }

    private void ensureCapacity(int stringBytes, int strings) {
        int bound = HEADER_ROOM + FIXED_FIELDS_MAX + stringBytes + strings * STRING_OVERHEAD;
        if (bound > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(bound, buffer.length * 2));
        }
    }

    private static long tagOf(int field, int wireType) {
        return (field << 3) | wireType;
    }
}
