package io.ttquant.binance.userdata;

import io.ttquant.core.num.Fixed;

/**
 * One Binance {@code outboundAccountPosition}: the free and locked balances, at
 * {@link Fixed#CASH_SCALE}, of the assets an account change may have touched (not of every asset).
 * Balances are read by index, {@code 0 <= i < balanceCount()}.
 *
 * <p>A pre-allocated object owned by the {@link UserDataDecoder} and overwritten by the next
 * message: valid only during the listener call that receives it. Its arrays grow (once) when a
 * message carries more balances than ever before, up to {@link #MAX_BALANCES}.
 */
public final class AccountPositionEvent {
    /** More balances than this in one message make it malformed. */
    public static final int MAX_BALANCES = 4096;

    private Utf8Text[] assets = new Utf8Text[0];
    private long[] free = new long[0];
    private long[] locked = new long[0];
    private int count;
    private long eventTimeNanos;
    private long lastUpdateTimeNanos;
    private long receiveTimeNanos;

    AccountPositionEvent() {
        ensureCapacity(16);
    }

    /** {@code E}. */
    public long eventTimeNanos() {
        return eventTimeNanos;
    }

    /** {@code u}: time of the account's last update. */
    public long lastUpdateTimeNanos() {
        return lastUpdateTimeNanos;
    }

    public long receiveTimeNanos() {
        return receiveTimeNanos;
    }

    public int balanceCount() {
        return count;
    }

    /** {@code a} of balance {@code i}. */
    public Utf8Text asset(int i) {
        check(i);
        return assets[i];
    }

    /** {@code f} of balance {@code i}, at {@link Fixed#CASH_SCALE}. */
    public long free(int i) {
        check(i);
        return free[i];
    }

    /** {@code l} of balance {@code i}, at {@link Fixed#CASH_SCALE}. */
    public long locked(int i) {
        check(i);
        return locked[i];
    }

    private void check(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException(i);
        }
    }

    void begin(long eventTimeNanos, long lastUpdateTimeNanos, long receiveTimeNanos) {
        this.eventTimeNanos = eventTimeNanos;
        this.lastUpdateTimeNanos = lastUpdateTimeNanos;
        this.receiveTimeNanos = receiveTimeNanos;
        this.count = 0;
    }

    /** The asset text of the next balance, or null when {@link #MAX_BALANCES} are already held. */
    Utf8Text nextAsset() {
        if (count == MAX_BALANCES) {
            return null;
        }
        ensureCapacity(count + 1);
        return assets[count];
    }

    /** Completes the balance whose asset {@link #nextAsset()} returned. */
    void add(long free, long locked) {
        this.free[count] = free;
        this.locked[count] = locked;
        count++;
    }

    private void ensureCapacity(int n) {
        if (n <= assets.length) {
            return;
        }
        int size = Math.min(MAX_BALANCES, Math.max(n, assets.length * 2));
        Utf8Text[] a = new Utf8Text[size];
        System.arraycopy(assets, 0, a, 0, assets.length);
        for (int i = assets.length; i < size; i++) {
            a[i] = new Utf8Text();
        }
        long[] f = new long[size];
        long[] l = new long[size];
        System.arraycopy(free, 0, f, 0, free.length);
        System.arraycopy(locked, 0, l, 0, locked.length);
        assets = a;
        free = f;
        locked = l;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("AccountPosition{");
        for (int i = 0; i < count; i++) {
            b.append(i == 0 ? "" : ", ").append(assets[i]).append(" free=").append(Fixed.format(free[i], Fixed.CASH_SCALE))
                    .append(" locked=").append(Fixed.format(locked[i], Fixed.CASH_SCALE));
        }
        return b.append('}').toString();
    }
}
