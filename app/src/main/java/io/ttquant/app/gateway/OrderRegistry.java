package io.ttquant.app.gateway;

import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderStatus;
import io.ttquant.core.order.OrderType;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import io.ttquant.transport.codec.ByteSlice;
import java.util.Arrays;

/**
 * The gateway's memory of the orders it created, one record per order in primitive arrays indexed
 * by a slot number, found by (strategy, client order id) and by gateway order id without creating
 * a String. Open orders (and replacements waiting for their original's cancel) are always
 * remembered, with their {@link Order}; a terminal order keeps only its final state (terms, status,
 * reason, fills) in a per-strategy window of the last {@code window} terminal orders, oldest
 * evicted first, so that a repeated client order id is answered with that state and memory stays
 * flat however many orders pass. Client order ids sit in fixed {@value Order#MAX_CLIENT_ORDER_ID_BYTES}-byte
 * slots.
 *
 * <p>The arrays and hash tables grow (by doubling) only until they hold the most records ever held
 * at once: open orders plus the full windows; after that nothing allocates. It never decides
 * anything about an order: the gateway does. Single-threaded, owned by the gateway's thread.
 */
final class OrderRegistry {
    static final int NONE = -1;

    private static final int ID_BYTES = Order.MAX_CLIENT_ORDER_ID_BYTES;
    private static final byte FREE = 0;
    private static final byte LIVE = 1;
    private static final byte PENDING = 2;
    private static final byte TERMINAL = 3;
    private static final OrderStatus[] STATUSES = OrderStatus.values();
    private static final RejectReason[] REASONS = RejectReason.values();
    private static final Side[] SIDES = Side.values();
    private static final OrderType[] TYPES = OrderType.values();
    private static final TimeInForce[] TIFS = TimeInForce.values();

    private final int window;

    // Records, by slot.
    private int capacity;
    private int highWater;
    private int[] freeSlots;
    private int freeCount;
    private int size;
    private byte[] state;
    private byte[] clientIds;
    private byte[] clientIdLength;
    private int[] clientIdHash;
    private int[] strategy;
    private long[] orderId;
    private Order[] order;
    private int[] instrument;
    private byte[] side;
    private byte[] type;
    private byte[] timeInForce;
    private boolean[] reduceOnly;
    private long[] price;
    private long[] stopPrice;
    private long[] quantity;
    private long[] createdNanos;
    private byte[] status;
    private byte[] reason;
    private long[] filledQty;
    private long[] filledNotional;
    private long[] fees;
    private long[] updatedNanos;
    private byte[] reportedStatus;
    private long[] reportedFilled;
    private int[] replacedBy;
    private int[] replaces;

    // (strategy, client order id) -> slot + 1, and gateway order id -> slot + 1: linear probing, backward-shift deletion.
    private int[] byClientId;
    private long[] orderIdKeys;
    private int[] byOrderId;

    // Per strategy, the terminal records in the order they ended: a ring of slots.
    private final int[][] windows;
    private final int[] windowHead;
    private final int[] windowCount;
    private long evicted;

    /**
     * @param strategies how many strategies (numbered 0..n-1)
     * @param window     terminal orders remembered per strategy (at least 1)
     */
    OrderRegistry(int strategies, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("the idempotency window must hold at least one order: " + window);
        }
        this.window = window;
        this.windows = new int[strategies][];
        this.windowHead = new int[strategies];
        this.windowCount = new int[strategies];
        for (int s = 0; s < strategies; s++) {
            windows[s] = new int[Math.min(window, 64)];
        }
        allocate(64);
        byClientId = new int[128];
        orderIdKeys = new long[128];
        byOrderId = new int[128];
    }

    // ------------------------------------------------------------------ lookups

    /** The slot of the strategy's order with this client order id, or {@link #NONE}. */
    int findByClientId(int strategy, ByteSlice id) {
        int length = id.length();
        if (length < 1 || length > ID_BYTES) {
            return NONE;
        }
        int hash = clientIdHash(strategy, id.bytes(), id.offset(), length);
        int[] table = byClientId;
        int mask = table.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            int entry = table[i];
            if (entry == 0) {
                return NONE;
            }
            int slot = entry - 1;
            if (clientIdHash[slot] == hash && this.strategy[slot] == strategy && clientIdLength[slot] == length
                    && Arrays.equals(clientIds, slot * ID_BYTES, slot * ID_BYTES + length, id.bytes(), id.offset(), id.offset() + length)) {
                return slot;
            }
        }
    }

    /** The slot of the order with this gateway order id, or {@link #NONE}. */
    int findByOrderId(long id) {
        int mask = byOrderId.length - 1;
        for (int i = orderIdHash(id) & mask; ; i = (i + 1) & mask) {
            int entry = byOrderId[i];
            if (entry == 0) {
                return NONE;
            }
            if (orderIdKeys[i] == id) {
                return entry - 1;
            }
        }
    }

    // ------------------------------------------------------------------ life cycle

    /**
     * Remembers a new order the gateway created with client order id {@code id} (1 to 36 bytes):
     * live when it goes to the venue now, pending when it is a replacement waiting for its
     * original's cancel ({@link #markSubmitted} when it goes). Returns its slot.
     */
    int add(int strategy, ByteSlice id, Order o, int instrumentId, boolean pending) {
        int length = id.length();
        if (length < 1 || length > ID_BYTES) {
            throw new IllegalArgumentException("client order id of " + length + " bytes");
        }
        if (findByOrderId(o.orderId()) != NONE) {
            throw new IllegalStateException("order id " + o.orderId() + " already remembered");
        }
        int slot = newSlot();
        state[slot] = pending ? PENDING : LIVE;
        System.arraycopy(id.bytes(), id.offset(), clientIds, slot * ID_BYTES, length);
        clientIdLength[slot] = (byte) length;
        clientIdHash[slot] = clientIdHash(strategy, id.bytes(), id.offset(), length);
        this.strategy[slot] = strategy;
        orderId[slot] = o.orderId();
        order[slot] = o;
        instrument[slot] = instrumentId;
        side[slot] = (byte) o.side().ordinal();
        type[slot] = (byte) o.type().ordinal();
        timeInForce[slot] = (byte) o.timeInForce().ordinal();
        reduceOnly[slot] = o.reduceOnly();
        price[slot] = o.price();
        stopPrice[slot] = o.stopPrice();
        quantity[slot] = o.quantity();
        createdNanos[slot] = o.createdNanos();
        reportedStatus[slot] = -1;
        reportedFilled[slot] = -1;
        replacedBy[slot] = NONE;
        replaces[slot] = NONE;
        capture(slot);
        size++;
        if (size * 2 > byClientId.length) {
            rehash(byClientId.length * 2);
        } else {
            insertClientId(slot);
            insertOrderId(slot);
        }
        return slot;
    }

    /** Copies the live order's current state (status, reason, fills) into the record. */
    void capture(int slot) {
        Order o = order[slot];
        if (o == null) {
            return;
        }
        status[slot] = (byte) o.status().ordinal();
        RejectReason r = o.reason();
        reason[slot] = (byte) (r == null ? 0 : r.ordinal() + 1);
        filledQty[slot] = o.filledQty();
        filledNotional[slot] = o.filledNotional();
        fees[slot] = o.feesPaid();
        updatedNanos[slot] = o.updatedNanos();
    }

    /** A pending replacement went to the venue. */
    void markSubmitted(int slot) {
        if (state[slot] != PENDING) {
            throw new IllegalStateException("slot " + slot + " is not a pending replacement");
        }
        state[slot] = LIVE;
    }

    /**
     * The order is terminal: keeps its final state, lets go of the {@link Order} (returned, for the
     * caller's pool) and enters the strategy's window, evicting the window's oldest record when full.
     */
    Order retire(int slot) {
        if (state[slot] != LIVE && state[slot] != PENDING) {
            throw new IllegalStateException("slot " + slot + " is not live");
        }
        capture(slot);
        Order o = order[slot];
        order[slot] = null;
        state[slot] = TERMINAL;
        replacedBy[slot] = NONE;
        replaces[slot] = NONE;
        int s = strategy[slot];
        int[] ring = windows[s];
        if (windowCount[s] == window) {
            forget(ring[windowHead[s]]);
            ring[windowHead[s]] = slot;
            windowHead[s] = (windowHead[s] + 1) % ring.length;
            evicted++;
        } else {
            if (windowCount[s] == ring.length) {
                ring = growWindow(s);
            }
            ring[(windowHead[s] + windowCount[s]) % ring.length] = slot;
            windowCount[s]++;
        }
        return o;
    }

    private void forget(int slot) {
        removeClientId(slot);
        removeOrderId(slot);
        state[slot] = FREE;
        order[slot] = null;
        freeSlots[freeCount++] = slot;
        size--;
    }

    private int[] growWindow(int s) {
        int[] old = windows[s];
        int[] ring = new int[(int) Math.min(window, old.length * 2L)];
        for (int k = 0; k < windowCount[s]; k++) {
            ring[k] = old[(windowHead[s] + k) % old.length];
        }
        windows[s] = ring;
        windowHead[s] = 0;
        return ring;
    }

    // ------------------------------------------------------------------ record reads and links

    boolean isTerminal(int slot) {
        return state[slot] == TERMINAL;
    }

    boolean isPending(int slot) {
        return state[slot] == PENDING;
    }

    /** The live order, or null once terminal. */
    Order order(int slot) {
        return order[slot];
    }

    int strategy(int slot) {
        return strategy[slot];
    }

    long orderId(int slot) {
        return orderId[slot];
    }

    int instrument(int slot) {
        return instrument[slot];
    }

    Side side(int slot) {
        return SIDES[side[slot]];
    }

    OrderType type(int slot) {
        return TYPES[type[slot]];
    }

    TimeInForce timeInForce(int slot) {
        return TIFS[timeInForce[slot]];
    }

    boolean reduceOnly(int slot) {
        return reduceOnly[slot];
    }

    long price(int slot) {
        return price[slot];
    }

    long stopPrice(int slot) {
        return stopPrice[slot];
    }

    long quantity(int slot) {
        return quantity[slot];
    }

    long createdNanos(int slot) {
        return createdNanos[slot];
    }

    /** The status last captured. */
    OrderStatus status(int slot) {
        return STATUSES[status[slot]];
    }

    /** The reason last captured, or null. */
    RejectReason reason(int slot) {
        int r = reason[slot];
        return r == 0 ? null : REASONS[r - 1];
    }

    long filledQty(int slot) {
        return filledQty[slot];
    }

    long filledNotional(int slot) {
        return filledNotional[slot];
    }

    long fees(int slot) {
        return fees[slot];
    }

    /** The array holding every client order id; the slot's id starts at {@link #clientIdOffset}. */
    byte[] clientIds() {
        return clientIds;
    }

    int clientIdOffset(int slot) {
        return slot * ID_BYTES;
    }

    int clientIdLength(int slot) {
        return clientIdLength[slot];
    }

    /** The status the strategy was last told, or -1. */
    int reportedStatus(int slot) {
        return reportedStatus[slot];
    }

    long reportedFilled(int slot) {
        return reportedFilled[slot];
    }

    void reported(int slot, OrderStatus s, long filled) {
        reportedStatus[slot] = (byte) s.ordinal();
        reportedFilled[slot] = filled;
    }

    /** Links an open order to the pending replacement waiting for its cancel. */
    void link(int original, int replacement) {
        replacedBy[original] = replacement;
        replaces[replacement] = original;
    }

    /** The pending replacement of an order, or {@link #NONE}. */
    int replacedBy(int slot) {
        return replacedBy[slot];
    }

    /** Ends the link of an original (its cancel was answered); returns the replacement or {@link #NONE}. */
    int unlink(int original) {
        int r = replacedBy[original];
        replacedBy[original] = NONE;
        if (r != NONE) {
            replaces[r] = NONE;
        }
        return r;
    }

    // ------------------------------------------------------------------ sizes

    /** Records held: live, pending and terminal. */
    int size() {
        return size;
    }

    /** Terminal records the strategy's window holds. */
    int terminalCount(int strategy) {
        return windowCount[strategy];
    }

    /** Record slots allocated (grows only with the most records ever held at once). */
    int capacity() {
        return capacity;
    }

    /** Terminal records dropped from full windows since start. */
    long evicted() {
        return evicted;
    }

    int window() {
        return window;
    }

    // ------------------------------------------------------------------ storage

    private int newSlot() {
        if (freeCount > 0) {
            return freeSlots[--freeCount];
        }
        if (highWater == capacity) {
            allocate(capacity * 2);
        }
        return highWater++;
    }

    private void allocate(int n) {
        capacity = n;
        freeSlots = grow(freeSlots, n);
        state = grow(state, n);
        clientIds = grow(clientIds, n * ID_BYTES);
        clientIdLength = grow(clientIdLength, n);
        clientIdHash = grow(clientIdHash, n);
        strategy = grow(strategy, n);
        orderId = grow(orderId, n);
        order = order == null ? new Order[n] : Arrays.copyOf(order, n);
        instrument = grow(instrument, n);
        side = grow(side, n);
        type = grow(type, n);
        timeInForce = grow(timeInForce, n);
        reduceOnly = reduceOnly == null ? new boolean[n] : Arrays.copyOf(reduceOnly, n);
        price = grow(price, n);
        stopPrice = grow(stopPrice, n);
        quantity = grow(quantity, n);
        createdNanos = grow(createdNanos, n);
        status = grow(status, n);
        reason = grow(reason, n);
        filledQty = grow(filledQty, n);
        filledNotional = grow(filledNotional, n);
        fees = grow(fees, n);
        updatedNanos = grow(updatedNanos, n);
        reportedStatus = grow(reportedStatus, n);
        reportedFilled = grow(reportedFilled, n);
        replacedBy = grow(replacedBy, n);
        replaces = grow(replaces, n);
    }

    private static byte[] grow(byte[] a, int n) {
        return a == null ? new byte[n] : Arrays.copyOf(a, n);
    }

    private static int[] grow(int[] a, int n) {
        return a == null ? new int[n] : Arrays.copyOf(a, n);
    }

    private static long[] grow(long[] a, int n) {
        return a == null ? new long[n] : Arrays.copyOf(a, n);
    }

    private void rehash(int tableSize) {
        byClientId = new int[tableSize];
        orderIdKeys = new long[tableSize];
        byOrderId = new int[tableSize];
        for (int slot = 0; slot < highWater; slot++) {
            if (state[slot] != FREE) {
                insertClientId(slot);
                insertOrderId(slot);
            }
        }
    }

    private void insertClientId(int slot) {
        int mask = byClientId.length - 1;
        int i = clientIdHash[slot] & mask;
        while (byClientId[i] != 0) {
            i = (i + 1) & mask;
        }
        byClientId[i] = slot + 1;
    }

    private void insertOrderId(int slot) {
        int mask = byOrderId.length - 1;
        int i = orderIdHash(orderId[slot]) & mask;
        while (byOrderId[i] != 0) {
            i = (i + 1) & mask;
        }
        byOrderId[i] = slot + 1;
        orderIdKeys[i] = orderId[slot];
    }

    private void removeClientId(int slot) {
        int[] table = byClientId;
        int mask = table.length - 1;
        int i = clientIdHash[slot] & mask;
        while (table[i] != slot + 1) {
            i = (i + 1) & mask;
        }
        // Backward-shift deletion: pull later entries of the probe run into the hole when their home allows it.
        for (int j = (i + 1) & mask; table[j] != 0; j = (j + 1) & mask) {
            int home = clientIdHash[table[j] - 1] & mask;
            if (((j - home) & mask) >= ((j - i) & mask)) {
                table[i] = table[j];
                i = j;
            }
        }
        table[i] = 0;
    }

    private void removeOrderId(int slot) {
        int mask = byOrderId.length - 1;
        long id = orderId[slot];
        int i = orderIdHash(id) & mask;
        while (byOrderId[i] != slot + 1) {
            i = (i + 1) & mask;
        }
        for (int j = (i + 1) & mask; byOrderId[j] != 0; j = (j + 1) & mask) {
            int home = orderIdHash(orderIdKeys[j]) & mask;
            if (((j - home) & mask) >= ((j - i) & mask)) {
                byOrderId[i] = byOrderId[j];
                orderIdKeys[i] = orderIdKeys[j];
                i = j;
            }
        }
        byOrderId[i] = 0;
        orderIdKeys[i] = 0;
    }

    /** FNV-1a over the id bytes, seeded by the strategy, then mixed so that similar ids spread. */
    private static int clientIdHash(int strategy, byte[] bytes, int offset, int length) {
        int h = 0x811C9DC5 ^ (strategy * 0x9E3779B9);
        for (int i = offset, end = offset + length; i < end; i++) {
            h = (h ^ bytes[i]) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }

    private static int orderIdHash(long id) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
