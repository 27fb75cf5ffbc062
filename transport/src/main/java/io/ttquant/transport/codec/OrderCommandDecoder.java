package io.ttquant.transport.codec;

import io.ttquant.transport.proto.CancelOrder;
import io.ttquant.transport.proto.NewOrder;
import io.ttquant.transport.proto.OrderCommand;
import io.ttquant.transport.proto.ReplaceOrder;

/**
 * Reads one {@code OrderCommand} frame (the gateway's PULL socket) in place: a flyweight over the
 * received bytes. Numbers land in primitive fields, strings are {@link ByteSlice}s pointing into the
 * frame (valid until the frame's buffer is reused), enums keep their wire numbers (an unknown number
 * is kept, as proto3 does, for the caller to refuse). Nothing is validated beyond the wire format:
 * what the values mean is the gateway's business.
 *
 * <p>It accepts and refuses exactly what protobuf-java's parser does: fields in any order, unknown
 * fields and groups skipped, a known field with another wire type skipped as unknown, the last
 * value of a field winning, the command kind read last winning and all of its occurrences in the
 * frame merged (as protobuf-java does, even across a command of another kind in between),
 * strings required to be UTF-8. (One corner differs: the tenth byte of a ten-byte varint gives
 * bit 63 as the protobuf spec says, where protobuf-java's fast path assumes it.) A frame it cannot read is
 * {@link DecodeOutcome#MALFORMED}, counted, and leaves no half-read command behind (the command
 * case is then {@code COMMAND_NOT_SET}). It never throws for any input and never allocates.
 * One decoder per thread.
 */
public final class OrderCommandDecoder {
    private static final int VARINT = ProtoWriter.WIRE_VARINT;
    private static final int FIXED64 = ProtoWriter.WIRE_FIXED64;
    private static final int DELIMITED = ProtoWriter.WIRE_LENGTH_DELIMITED;

    private static final int CMD_SEQUENCE = tag(OrderCommand.SEQUENCE_FIELD_NUMBER, VARINT);
    private static final int CMD_SEND_TIME = tag(OrderCommand.SEND_TIME_NS_FIELD_NUMBER, FIXED64);
    private static final int CMD_NEW = tag(OrderCommand.NEW_ORDER_FIELD_NUMBER, DELIMITED);
    private static final int CMD_CANCEL = tag(OrderCommand.CANCEL_ORDER_FIELD_NUMBER, DELIMITED);
    private static final int CMD_REPLACE = tag(OrderCommand.REPLACE_ORDER_FIELD_NUMBER, DELIMITED);

    private static final int NEW_CLIENT_ORDER_ID = tag(NewOrder.CLIENT_ORDER_ID_FIELD_NUMBER, DELIMITED);
    private static final int NEW_STRATEGY = tag(NewOrder.STRATEGY_FIELD_NUMBER, DELIMITED);
    private static final int NEW_VENUE = tag(NewOrder.VENUE_FIELD_NUMBER, DELIMITED);
    private static final int NEW_SYMBOL = tag(NewOrder.SYMBOL_FIELD_NUMBER, DELIMITED);
    private static final int NEW_SIDE = tag(NewOrder.SIDE_FIELD_NUMBER, VARINT);
    private static final int NEW_TYPE = tag(NewOrder.TYPE_FIELD_NUMBER, VARINT);
    private static final int NEW_TIME_IN_FORCE = tag(NewOrder.TIME_IN_FORCE_FIELD_NUMBER, VARINT);
    private static final int NEW_PRICE = tag(NewOrder.PRICE_FIELD_NUMBER, VARINT);
    private static final int NEW_STOP_PRICE = tag(NewOrder.STOP_PRICE_FIELD_NUMBER, VARINT);
    private static final int NEW_QUANTITY = tag(NewOrder.QUANTITY_FIELD_NUMBER, VARINT);
    private static final int NEW_PRICE_SCALE = tag(NewOrder.PRICE_SCALE_FIELD_NUMBER, VARINT);
    private static final int NEW_QTY_SCALE = tag(NewOrder.QTY_SCALE_FIELD_NUMBER, VARINT);
    private static final int NEW_REDUCE_ONLY = tag(NewOrder.REDUCE_ONLY_FIELD_NUMBER, VARINT);
    private static final int NEW_CREATE_TIME = tag(NewOrder.CREATE_TIME_NS_FIELD_NUMBER, FIXED64);

    private static final int CANCEL_CLIENT_ORDER_ID = tag(CancelOrder.CLIENT_ORDER_ID_FIELD_NUMBER, DELIMITED);
    private static final int CANCEL_STRATEGY = tag(CancelOrder.STRATEGY_FIELD_NUMBER, DELIMITED);
    private static final int CANCEL_VENUE = tag(CancelOrder.VENUE_FIELD_NUMBER, DELIMITED);
    private static final int CANCEL_SYMBOL = tag(CancelOrder.SYMBOL_FIELD_NUMBER, DELIMITED);
    private static final int CANCEL_ORDER_ID = tag(CancelOrder.ORDER_ID_FIELD_NUMBER, VARINT);
    private static final int CANCEL_CREATE_TIME = tag(CancelOrder.CREATE_TIME_NS_FIELD_NUMBER, FIXED64);

    private static final int REPLACE_CLIENT_ORDER_ID = tag(ReplaceOrder.CLIENT_ORDER_ID_FIELD_NUMBER, DELIMITED);
    private static final int REPLACE_ORIG_CLIENT_ORDER_ID = tag(ReplaceOrder.ORIG_CLIENT_ORDER_ID_FIELD_NUMBER, DELIMITED);
    private static final int REPLACE_STRATEGY = tag(ReplaceOrder.STRATEGY_FIELD_NUMBER, DELIMITED);
    private static final int REPLACE_VENUE = tag(ReplaceOrder.VENUE_FIELD_NUMBER, DELIMITED);
    private static final int REPLACE_SYMBOL = tag(ReplaceOrder.SYMBOL_FIELD_NUMBER, DELIMITED);
    private static final int REPLACE_PRICE = tag(ReplaceOrder.PRICE_FIELD_NUMBER, VARINT);
    private static final int REPLACE_QUANTITY = tag(ReplaceOrder.QUANTITY_FIELD_NUMBER, VARINT);
    private static final int REPLACE_PRICE_SCALE = tag(ReplaceOrder.PRICE_SCALE_FIELD_NUMBER, VARINT);
    private static final int REPLACE_QTY_SCALE = tag(ReplaceOrder.QTY_SCALE_FIELD_NUMBER, VARINT);
    private static final int REPLACE_CREATE_TIME = tag(ReplaceOrder.CREATE_TIME_NS_FIELD_NUMBER, FIXED64);

    private final ProtoReader frame = new ProtoReader();
    private final ProtoReader body = new ProtoReader();

    private OrderCommand.CommandCase commandCase = OrderCommand.CommandCase.COMMAND_NOT_SET;
    private long sequence;
    private long sendTimeNanos;
    private final ByteSlice clientOrderId = new ByteSlice();
    private final ByteSlice origClientOrderId = new ByteSlice();
    private final ByteSlice strategy = new ByteSlice();
    private final ByteSlice venue = new ByteSlice();
    private final ByteSlice symbol = new ByteSlice();
    private int side;
    private int type;
    private int timeInForce;
    private long price;
    private long stopPrice;
    private long quantity;
    private int priceScale;
    private int qtyScale;
    private boolean reduceOnly;
    private long createTimeNanos;
    private long orderId;

    private long decoded;
    private long malformed;

    /**
     * Reads {@code bytes[offset, offset + length)} as one OrderCommand. {@link DecodeOutcome#OK}
     * when it is valid protobuf (whatever its values), else {@link DecodeOutcome#MALFORMED}.
     */
    public DecodeOutcome decode(byte[] bytes, int offset, int length) {
        commandCase = OrderCommand.CommandCase.COMMAND_NOT_SET;
        sequence = 0;
        sendTimeNanos = 0;
        clearBody();
        int kindsSeen = readFrame(bytes, offset, length, false);
        if (frame.failed()) {
            commandCase = OrderCommand.CommandCase.COMMAND_NOT_SET;
            clearBody();
            malformed++;
            return DecodeOutcome.MALFORMED;
        }
        if (Integer.bitCount(kindsSeen) > 1) {
            // protobuf-java keeps what it read of each command kind for the whole frame: the kind read
            // last wins, merged from all its occurrences, even those before a command of another kind.
            clearBody();
            readFrame(bytes, offset, length, true);
        }
        decoded++;
        return DecodeOutcome.OK;
    }

    /**
     * One pass over the frame; returns a bit per command kind met. The first pass reads (and checks)
     * every command, a kind change clearing what was read; {@code onlyFinalKind} re-reads only the
     * commands of the kind that won, from a frame already known to be valid.
     */
    private int readFrame(byte[] bytes, int offset, int length, boolean onlyFinalKind) {
        int kindsSeen = 0;
        ProtoReader r = frame;
        r.wrap(bytes, offset, length);
        while (r.hasMore()) {
            int tag = r.readTag();
            if (r.failed()) {
                break;
            }
            if (tag == CMD_SEQUENCE) {
                sequence = r.readVarint();
            } else if (tag == CMD_SEND_TIME) {
                sendTimeNanos = r.readFixed64();
            } else if (tag == CMD_NEW || tag == CMD_CANCEL || tag == CMD_REPLACE) {
                OrderCommand.CommandCase kind = tag == CMD_NEW ? OrderCommand.CommandCase.NEW_ORDER
                        : tag == CMD_CANCEL ? OrderCommand.CommandCase.CANCEL_ORDER : OrderCommand.CommandCase.REPLACE_ORDER;
                kindsSeen |= 1 << kind.ordinal();
                if (onlyFinalKind && kind != commandCase) {
                    r.skipField(tag);
                } else {
                    readCommand(bytes, kind);
                }
            } else {
                r.skipField(tag);
            }
        }
        return kindsSeen;
    }

    /** Reads one command message into the fields, merging it into what was read of the same kind. */
    private void readCommand(byte[] bytes, OrderCommand.CommandCase kind) {
        ProtoReader r = frame;
        int end = r.readLengthDelimitedEnd();
        if (r.failed()) {
            return;
        }
        if (kind != commandCase) {
            clearBody();
            commandCase = kind;
        }
        ProtoReader b = body;
        b.wrap(bytes, r.position(), end - r.position());
        while (b.hasMore()) {
            int field = b.readTag();
            if (b.failed()) {
                break;
            }
            switch (kind) {
                case NEW_ORDER:
                    readNewOrderField(b, bytes, field);
                    break;
                case CANCEL_ORDER:
                    readCancelField(b, bytes, field);
                    break;
                default:
                    readReplaceField(b, bytes, field);
            }
        }
        if (b.failed()) {
            r.fail();
            return;
        }
        r.seek(end);
    }

    private void readNewOrderField(ProtoReader b, byte[] bytes, int tag) {
        if (tag == NEW_CLIENT_ORDER_ID) {
            readString(b, bytes, clientOrderId);
        } else if (tag == NEW_STRATEGY) {
            readString(b, bytes, strategy);
        } else if (tag == NEW_VENUE) {
            readString(b, bytes, venue);
        } else if (tag == NEW_SYMBOL) {
            readString(b, bytes, symbol);
        } else if (tag == NEW_SIDE) {
            side = (int) b.readVarint();
        } else if (tag == NEW_TYPE) {
            type = (int) b.readVarint();
        } else if (tag == NEW_TIME_IN_FORCE) {
            timeInForce = (int) b.readVarint();
        } else if (tag == NEW_PRICE) {
            price = b.readVarint();
        } else if (tag == NEW_STOP_PRICE) {
            stopPrice = b.readVarint();
        } else if (tag == NEW_QUANTITY) {
            quantity = b.readVarint();
        } else if (tag == NEW_PRICE_SCALE) {
            priceScale = (int) b.readVarint();
        } else if (tag == NEW_QTY_SCALE) {
            qtyScale = (int) b.readVarint();
        } else if (tag == NEW_REDUCE_ONLY) {
            reduceOnly = b.readVarint() != 0;
        } else if (tag == NEW_CREATE_TIME) {
            createTimeNanos = b.readFixed64();
        } else {
            b.skipField(tag);
        }
    }

    private void readCancelField(ProtoReader b, byte[] bytes, int tag) {
        if (tag == CANCEL_CLIENT_ORDER_ID) {
            readString(b, bytes, clientOrderId);
        } else if (tag == CANCEL_STRATEGY) {
            readString(b, bytes, strategy);
        } else if (tag == CANCEL_VENUE) {
            readString(b, bytes, venue);
        } else if (tag == CANCEL_SYMBOL) {
            readString(b, bytes, symbol);
        } else if (tag == CANCEL_ORDER_ID) {
            orderId = b.readVarint();
        } else if (tag == CANCEL_CREATE_TIME) {
            createTimeNanos = b.readFixed64();
        } else {
            b.skipField(tag);
        }
    }

    private void readReplaceField(ProtoReader b, byte[] bytes, int tag) {
        if (tag == REPLACE_CLIENT_ORDER_ID) {
            readString(b, bytes, clientOrderId);
        } else if (tag == REPLACE_ORIG_CLIENT_ORDER_ID) {
            readString(b, bytes, origClientOrderId);
        } else if (tag == REPLACE_STRATEGY) {
            readString(b, bytes, strategy);
        } else if (tag == REPLACE_VENUE) {
            readString(b, bytes, venue);
        } else if (tag == REPLACE_SYMBOL) {
            readString(b, bytes, symbol);
        } else if (tag == REPLACE_PRICE) {
            price = b.readVarint();
        } else if (tag == REPLACE_QUANTITY) {
            quantity = b.readVarint();
        } else if (tag == REPLACE_PRICE_SCALE) {
            priceScale = (int) b.readVarint();
        } else if (tag == REPLACE_QTY_SCALE) {
            qtyScale = (int) b.readVarint();
        } else if (tag == REPLACE_CREATE_TIME) {
            createTimeNanos = b.readFixed64();
        } else {
            b.skipField(tag);
        }
    }

    private static void readString(ProtoReader b, byte[] bytes, ByteSlice into) {
        int end = b.readStringEnd();
        if (b.failed()) {
            return;
        }
        into.set(bytes, b.position(), end - b.position());
        b.seek(end);
    }

    private void clearBody() {
        clientOrderId.clear();
        origClientOrderId.clear();
        strategy.clear();
        venue.clear();
        symbol.clear();
        side = 0;
        type = 0;
        timeInForce = 0;
        price = 0;
        stopPrice = 0;
        quantity = 0;
        priceScale = 0;
        qtyScale = 0;
        reduceOnly = false;
        createTimeNanos = 0;
        orderId = 0;
    }

    private static int tag(int field, int wireType) {
        return (field << 3) | wireType;
    }

    /** Which command the last decoded frame carries; {@code COMMAND_NOT_SET} for none or a malformed frame. */
    public OrderCommand.CommandCase commandCase() {
        return commandCase;
    }

    public long sequence() {
        return sequence;
    }

    public long sendTimeNanos() {
        return sendTimeNanos;
    }

    /** The client order id (of the replacement, for a replace). */
    public ByteSlice clientOrderId() {
        return clientOrderId;
    }

    /** The client order id of the order being replaced (replace only). */
    public ByteSlice origClientOrderId() {
        return origClientOrderId;
    }

    public ByteSlice strategy() {
        return strategy;
    }

    public ByteSlice venue() {
        return venue;
    }

    public ByteSlice symbol() {
        return symbol;
    }

    /** The side's wire number (new order only). */
    public int side() {
        return side;
    }

    /** The order type's wire number (new order only). */
    public int type() {
        return type;
    }

    /** The time in force's wire number (new order only). */
    public int timeInForce() {
        return timeInForce;
    }

    /** Limit price, raw (new order and replace). */
    public long price() {
        return price;
    }

    /** Stop price, raw (new order only). */
    public long stopPrice() {
        return stopPrice;
    }

    /** Quantity, raw (new order and replace). */
    public long quantity() {
        return quantity;
    }

    public int priceScale() {
        return priceScale;
    }

    public int qtyScale() {
        return qtyScale;
    }

    public boolean reduceOnly() {
        return reduceOnly;
    }

    public long createTimeNanos() {
        return createTimeNanos;
    }

    /** The gateway's order id (cancel only; 0 when not given). */
    public long orderId() {
        return orderId;
    }

    /** Frames read as valid protobuf. */
    public long decoded() {
        return decoded;
    }

    /** Frames refused as malformed. */
    public long malformed() {
        return malformed;
    }
}
