package io.ttquant.sim.server;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of what the transport did: requests served, rate-limit answers, WebSocket connections
 * and messages, every forced disconnect by cause (slow consumer, message rate, missing pong,
 * maximum age, server shutdown), what the injected faults did, and how much synthetic market time
 * an overloaded engine shed.
 * Written by the I/O and engine threads, read by anyone (tests, the command line).
 *
 * <p>Counters only ever grow; nothing here changes how the server behaves.
 */
public final class SimServerStats {
    final AtomicLong restRequests = new AtomicLong();
    final AtomicLong restErrors = new AtomicLong();
    final AtomicLong restInternalErrors = new AtomicLong();
    final AtomicLong wsConnectionsOpened = new AtomicLong();
    final AtomicLong messagesSent = new AtomicLong();
    final AtomicLong pingsSent = new AtomicLong();
    final AtomicLong pongsReceived = new AtomicLong();
    final AtomicLong slowConsumerDisconnects = new AtomicLong();
    final AtomicLong messageRateDisconnects = new AtomicLong();
    final AtomicLong pongTimeoutDisconnects = new AtomicLong();
    final AtomicLong faultDisconnects = new AtomicLong();
    final AtomicLong faultDroppedMessages = new AtomicLong();
    final AtomicLong faultDelayedMessages = new AtomicLong();
    final AtomicLong faultRestAnswers = new AtomicLong();
    final AtomicLong faultDelayOverflowDrops = new AtomicLong();
    final AtomicLong maxAgeDisconnects = new AtomicLong();
    final AtomicLong serverShutdownEvents = new AtomicLong();
    final AtomicLong serverShutdownDisconnects = new AtomicLong();
    final AtomicLong flowSkippedMillis = new AtomicLong();
    final AtomicLong flowBudgetExhausted = new AtomicLong();

    public long restRequests() {
        return restRequests.get();
    }

    /** REST answers with an error body (4xx and 5xx). */
    public long restErrors() {
        return restErrors.get();
    }

    /** Bugs caught and answered with 500 / -1000. */
    public long restInternalErrors() {
        return restInternalErrors.get();
    }

    public long wsConnectionsOpened() {
        return wsConnectionsOpened.get();
    }

    /** WebSocket text frames handed to the network. */
    public long messagesSent() {
        return messagesSent.get();
    }

    public long pingsSent() {
        return pingsSent.get();
    }

    public long pongsReceived() {
        return pongsReceived.get();
    }

    public long slowConsumerDisconnects() {
        return slowConsumerDisconnects.get();
    }

    public long messageRateDisconnects() {
        return messageRateDisconnects.get();
    }

    public long pongTimeoutDisconnects() {
        return pongTimeoutDisconnects.get();
    }

    /** WebSocket connections cut by an injected fault (drop all, random drops). */
    public long faultDisconnects() {
        return faultDisconnects.get();
    }

    /** Stream messages not sent because of an injected drop fraction (stalled streams are not counted). */
    public long faultDroppedMessages() {
        return faultDroppedMessages.get();
    }

    /** Stream messages held back by an injected delay. */
    public long faultDelayedMessages() {
        return faultDelayedMessages.get();
    }

    /** REST requests answered with an injected 429, 418 or 5xx. */
    public long faultRestAnswers() {
        return faultRestAnswers.get();
    }

    /** Stream messages dropped because the injected delay already held its maximum ({@code maxDelayedMessages}). */
    public long faultDelayOverflowDrops() {
        return faultDelayOverflowDrops.get();
    }

    /** WebSocket connections closed because they reached their maximum age. */
    public long maxAgeDisconnects() {
        return maxAgeDisconnects.get();
    }

    /** {@code serverShutdown} events sent (one per connection notified). */
    public long serverShutdownEvents() {
        return serverShutdownEvents.get();
    }

    /** WebSocket connections closed by a triggered server shutdown after its grace. */
    public long serverShutdownDisconnects() {
        return serverShutdownDisconnects.get();
    }

    /**
     * Milliseconds of synthetic market activity skipped because the engine could not run the
     * configured flow intensity (backlog shed past {@code maxFlowLagMillis}, or after a long pause).
     */
    public long flowSkippedMillis() {
        return flowSkippedMillis.get();
    }

    /** Engine ticks that stopped advancing the market because their time budget ran out. */
    public long flowBudgetExhausted() {
        return flowBudgetExhausted.get();
    }

    @Override
    public String toString() {
        return "rest=" + restRequests + " restErrors=" + restErrors + " internalErrors=" + restInternalErrors
                + " wsOpened=" + wsConnectionsOpened + " sent=" + messagesSent + " pings=" + pingsSent
                + " pongs=" + pongsReceived + " slowDrops=" + slowConsumerDisconnects
                + " rateDrops=" + messageRateDisconnects + " pongTimeouts=" + pongTimeoutDisconnects
                + " faultDrops=" + faultDisconnects + " faultDroppedMsgs=" + faultDroppedMessages
                + " faultDelayedMsgs=" + faultDelayedMessages + " faultDelayOverflow=" + faultDelayOverflowDrops
                + " faultRest=" + faultRestAnswers + " maxAgeDrops=" + maxAgeDisconnects
                + " shutdownEvents=" + serverShutdownEvents + " shutdownDrops=" + serverShutdownDisconnects
                + " flowSkippedMs=" + flowSkippedMillis + " flowBudgetExhausted=" + flowBudgetExhausted;
    }
}
