package io.ttquant.app.gateway.binance;

/**
 * Counters of the {@link BinanceVenue}, written and read on the gateway's thread (the gateway's
 * metrics are sampled there): requests sent, answers lost and how they were resolved, fills by the
 * path that delivered them first, duplicates skipped, reports about orders the gateway does not
 * know, stream gaps, and what the restart reconciliation found. Never holds a key, a secret or a request.
 */
public final class BinanceVenueStats {
    /** The path a fill arrived on. */
    public enum Source {
        /** The FULL answer to the new order. */
        ANSWER,
        /** The user data stream's executionReport. */
        STREAM,
        /** {@code GET /api/v3/myTrades}, after a gap, a poll or a query. */
        REST
    }

    long ordersSent;
    long timestampResends;
    long cancelsSent;
    long submitsUnknown;
    long cancelsUnknown;
    long resolvedFound;
    long resolvedNotPlaced;
    long queriesSent;
    long tradeReadsSent;
    long pollsSent;
    final long[] fills = new long[Source.values().length];
    long duplicateFills;
    long foreignReports;
    long staleReports;
    long streamGaps;
    long inconsistencies;
    long localRejects;
    long fillsKnownFromJournal;
    long reconcileRetries;
    long foreignOpenOrders;

    /** New-order requests sent (resends after -1021 included). */
    public long ordersSent() {
        return ordersSent;
    }

    /** New orders sent again once after Binance refused their timestamp (-1021). */
    public long timestampResends() {
        return timestampResends;
    }

    public long cancelsSent() {
        return cancelsSent;
    }

    /** New orders whose answer was lost (timeout, 5xx, connection lost after sending). */
    public long submitsUnknown() {
        return submitsUnknown;
    }

    /** Cancels whose answer was lost. */
    public long cancelsUnknown() {
        return cancelsUnknown;
    }

    /** UNKNOWN new orders found at the venue (by query or by the stream). */
    public long resolvedFound() {
        return resolvedFound;
    }

    /** UNKNOWN new orders proven never placed (VENUE_ORDER_NOT_PLACED). */
    public long resolvedNotPlaced() {
        return resolvedNotPlaced;
    }

    /** {@code GET /api/v3/order} requests. */
    public long queriesSent() {
        return queriesSent;
    }

    /** {@code GET /api/v3/myTrades} requests. */
    public long tradeReadsSent() {
        return tradeReadsSent;
    }

    /** {@code GET /api/v3/openOrders} polls while the stream was down. */
    public long pollsSent() {
        return pollsSent;
    }

    /** Fills applied that arrived first on {@code source}. */
    public long fills(Source source) {
        return fills[source.ordinal()];
    }

    /** Fills applied. */
    public long fills() {
        long n = 0;
        for (long f : fills) {
            n += f;
        }
        return n;
    }

    /** Fills reported again (by another path, or twice by one) and skipped. */
    public long duplicateFills() {
        return duplicateFills;
    }

    /** Stream reports about client ids this venue never sent (orders placed by hand on the account). */
    public long foreignReports() {
        return foreignReports;
    }

    /** Stream reports about orders already finished here (late copies of what was applied). */
    public long staleReports() {
        return staleReports;
    }

    /** Times the stream said events may have been missed. */
    public long streamGaps() {
        return streamGaps;
    }

    /** Venue answers that contradict what was applied (a fill larger than the rest of the order...): logged, not applied. */
    public long inconsistencies() {
        return inconsistencies;
    }

    /** New orders rejected here without a request (a client id already open, a request the client cannot build). */
    public long localRejects() {
        return localRejects;
    }

    /** Trades Binance reported for a restored order that the journal held already: remembered, not applied again. */
    public long fillsKnownFromJournal() {
        return fillsKnownFromJournal;
    }

    /** REST reads of the restart reconciliation (open orders, account) that failed and were sent again. */
    public long reconcileRetries() {
        return reconcileRetries;
    }

    /** Open orders on the account without the {@code ttq-} prefix found by the restart reconciliation. */
    public long foreignOpenOrders() {
        return foreignOpenOrders;
    }

    @Override
    public String toString() {
        return "BinanceVenueStats{orders=" + ordersSent + ", cancels=" + cancelsSent + ", unknown=" + submitsUnknown + "/"
                + cancelsUnknown + ", found=" + resolvedFound + ", notPlaced=" + resolvedNotPlaced + ", queries=" + queriesSent
                + ", tradeReads=" + tradeReadsSent + ", polls=" + pollsSent + ", fills=" + fills() + ", duplicates="
                + duplicateFills + ", foreign=" + foreignReports + ", stale=" + staleReports + ", gaps=" + streamGaps + "}";
    }
}
