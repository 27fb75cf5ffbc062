package io.ttquant.sim.market;

/**
 * The other participants of one symbol as the engine drives them: a source of timed actions on
 * the book ({@link SyntheticFlow}, a seeded random process, or {@link ReplayFlow}, recorded trades).
 *
 * <p>Engine thread only. An implementation acts only through {@link SimExchange}'s synthetic-order
 * methods, inside an operation the engine has begun, and must never cross the book.
 */
abstract class ParticipantFlow {
    /** Time (ms) of the next action; {@link Long#MAX_VALUE} when there is none. */
    abstract long nextEventMillis();

    /** Skips simulated time before {@code millis} (after a long pause). */
    abstract void skipTo(long millis);

    /** Builds the opening book at the exchange's start. */
    abstract void seed();

    /** Performs the next action at {@code now} (the engine stamps it). */
    abstract void step(long now);

    /** Releases what the flow holds open (files); it takes no further action afterwards. */
    void close() {
    }
}
