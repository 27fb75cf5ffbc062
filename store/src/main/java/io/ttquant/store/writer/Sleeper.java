package io.ttquant.store.writer;

import java.util.concurrent.locks.LockSupport;

/**
 * How the recorder's writer waits when it has nothing to do or is backing off: parking in
 * production (woken early by {@code flush()}/{@code close()}), advancing a fake clock in tests so
 * no test sleeps for real.
 */
@FunctionalInterface
public interface Sleeper {
    /** Parks the calling thread for up to {@code nanos} (it may return early). */
    Sleeper PARK = LockSupport::parkNanos;

    void sleep(long nanos);
}
