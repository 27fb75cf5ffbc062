package io.ttquant.app.gateway.binance;

import io.ttquant.app.gateway.ReconcileListener;
import io.ttquant.binance.trading.AccountBalances;
import io.ttquant.binance.trading.AssetBalance;
import io.ttquant.binance.trading.TradingResult;
import io.ttquant.binance.trading.VenueOrder;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.OrderStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The {@link BinanceVenue}'s side of the gateway's restart reconciliation, one step after the
 * other on the gateway's thread:
 * <ol>
 *   <li>every order the journal holds open has been handed to the venue, which queries it by its
 *       client id and applies what Binance says (fills the journal lacks, read from
 *       {@code myTrades}; a cancel or expiry; an order never acknowledged and still not found once
 *       its recvWindow is over was never placed). This step waits until each has its answer and
 *       no fill is missing;</li>
 *   <li>the account's open orders of the configured symbols are read. One with the {@code ttq-}
 *       prefix that the journal does not hold cannot be explained (the gateway journals an order
 *       before it leaves: a lost journal, or another gateway's on the same account) and keeps the
 *       gateway closed; the others were placed by hand and are counted and reported, and keep it
 *       closed only under {@link ForeignOrderPolicy#FAIL};</li>
 *   <li>the account's balances of the base assets are read and set beside the gateway's
 *       positions: a report, never a failure (deposits, withdrawals, fees in the base asset and
 *       trades outside the gateway all make them differ). An account that may not trade keeps
 *       the gateway closed.</li>
 * </ol>
 * Then {@link ReconcileListener#reconciled} with a one-line summary. A REST read that fails is
 * sent again with back-off; past the configured deadline {@link ReconcileListener#failed} says
 * what was still missing and the last problem seen. Exactly one of the two is called, once.
 *
 * <p>It sends no order and no cancel and changes no order itself. Runs on the gateway's thread
 * only; allocates freely (it runs once, at start).
 */
final class Reconciler {
    private static final System.Logger LOG = System.getLogger(Reconciler.class.getName());
    private static final long NONE = Long.MAX_VALUE;
    private static final int LISTED = 5;

    /** The REST reads the reconciliation needs; answers come back on the gateway's thread. */
    interface Reads {
        void openOrders(Instrument venueInstrument, Consumer<TradingResult<List<VenueOrder>>> answer);

        void account(Consumer<TradingResult<AccountBalances>> answer);
    }

    private enum Step { ORDERS, OPEN_ORDERS, ACCOUNT, DONE }

    private final ReconcileListener listener;
    private final List<TrackedOrder> restored;
    private final Collection<Instrument> instruments;
    private final Predicate<String> heldOpen;
    private final Reads reads;
    private final BinanceVenueConfig config;
    private final BinanceVenueStats stats;
    private final JournalPositions positions;
    private final long startNanos;
    private final long deadlineNanos;
    private final long fillsAtStart;
    private final long knownAtStart;
    private Step step = Step.ORDERS;
    private long now;
    private String lastProblem;
    private final Set<String> symbolsPending = new LinkedHashSet<>();
    private final Set<String> symbolsInFlight = new LinkedHashSet<>();
    private boolean accountInFlight;
    private long retryDueNanos = NONE;
    private long backoffNanos;
    private int ttqOpen;
    private final List<String> unexplained = new ArrayList<>();
    private final Map<String, Integer> foreignBySymbol = new LinkedHashMap<>();
    private final List<String> foreignListed = new ArrayList<>();
    private String balanceReport = "";

    /**
     * @param restored    the orders the journal holds open, already handed to the venue (queries scheduled)
     * @param instruments the venue's instruments of the configured symbols
     * @param heldOpen    whether the venue holds a client id as an order not yet finished
     * @param positions   the gateway's positions for the balance report, or null when not known
     */
    Reconciler(ReconcileListener listener, List<TrackedOrder> restored, Collection<Instrument> instruments,
               Predicate<String> heldOpen, Reads reads, BinanceVenueConfig config, BinanceVenueStats stats,
               JournalPositions positions, long nowNanos) {
        this.listener = listener;
        this.restored = List.copyOf(restored);
        this.instruments = List.copyOf(instruments);
        this.heldOpen = heldOpen;
        this.reads = reads;
        this.config = config;
        this.stats = stats;
        this.positions = positions;
        this.now = nowNanos;
        this.startNanos = nowNanos;
        this.deadlineNanos = nowNanos + config.reconcileTimeoutNanos();
        this.fillsAtStart = stats.fills();
        this.knownAtStart = stats.fillsKnownFromJournal;
    }

    /** Moves the reconciliation on at {@code nowNanos}; true once it has answered the listener. */
    boolean doWork(long nowNanos) {
        now = Math.max(now, nowNanos);
        if (step == Step.DONE) {
            return true;
        }
        if (now >= deadlineNanos) {
            fail("not done within " + millis(config.reconcileTimeoutNanos()) + " ms: " + waitingFor()
                    + (lastProblem == null ? "" : "; last problem: " + lastProblem));
            return true;
        }
        if (step == Step.ORDERS && allOrdersSettled()) {
            step = Step.OPEN_ORDERS;
            backoffNanos = 0;
            retryDueNanos = now;
            for (Instrument i : instruments) {
                symbolsPending.add(i.symbol());
            }
        }
        if (now >= retryDueNanos) {
            retryDueNanos = NONE;
            if (step == Step.OPEN_ORDERS) {
                readOpenOrders();
            } else if (step == Step.ACCOUNT && !accountInFlight) {
                accountInFlight = true;
                reads.account(this::onAccount);
            }
        }
        return step == Step.DONE;
    }

    /** Something the venue could not read for a restored order (a failed query or trades read); kept for the deadline's reason. */
    void problem(String what) {
        lastProblem = what;
    }

    /** The balance report of the last reconciliation (empty before it read the account). */
    String balanceReport() {
        return balanceReport;
    }

    /** A restored order needs nothing more: finished, or open with Binance's answer since the restart and every fill applied. */
    private static boolean settled(TrackedOrder t) {
        if (t.phase == TrackedOrder.Phase.DONE || t.order.status().isTerminal()) {
            return true;
        }
        return t.phase == TrackedOrder.Phase.KNOWN && t.queriedSinceRestart && t.pendingStatus == null && t.targetFilledQty < 0
                && !t.tradesInFlight && t.tradesDueNanos == TrackedOrder.NONE && !t.cancelUnknown;
    }

    private boolean allOrdersSettled() {
        for (int i = 0; i < restored.size(); i++) {
            if (!settled(restored.get(i))) {
                return false;
            }
        }
        return true;
    }

    private void readOpenOrders() {
        for (Instrument i : instruments) {
            String symbol = i.symbol();
            if (symbolsPending.contains(symbol) && symbolsInFlight.add(symbol)) {
                reads.openOrders(i, r -> onOpenOrders(symbol, r));
            }
        }
    }

    private void onOpenOrders(String symbol, TradingResult<List<VenueOrder>> r) {
        symbolsInFlight.remove(symbol);
        if (step != Step.OPEN_ORDERS) {
            return;
        }
        if (r == null || !r.isOk()) {
            retryLater("open orders of " + symbol + ": " + r);
            return;
        }
        symbolsPending.remove(symbol);
        for (VenueOrder vo : r.value()) {
            String id = vo.clientOrderId() == null ? "" : vo.clientOrderId();
            if (id.startsWith(BinanceVenue.VENUE_ID_PREFIX)) {
                ttqOpen++;
                if (!heldOpen.test(id)) {
                    unexplained.add(id + " (" + symbol + " #" + vo.orderId() + ", " + vo.side() + " "
                            + vo.instrument().formatQty(vo.origQty()) + " @ " + vo.instrument().formatPrice(vo.price()) + ")");
                }
            } else {
                stats.foreignOpenOrders++;
                foreignBySymbol.merge(symbol, 1, Integer::sum);
                if (foreignListed.size() < LISTED) {
                    foreignListed.add("'" + id + "' (" + symbol + " #" + vo.orderId() + ")");
                }
            }
        }
        if (!symbolsPending.isEmpty()) {
            return;
        }
        if (!unexplained.isEmpty()) {
            fail(unexplained.size() + " open orders on the account carry TTQuant client ids the journal does not hold "
                    + "(a lost journal, or another gateway trading this account): " + listed(unexplained));
            return;
        }
        int foreign = foreignCount();
        if (foreign > 0) {
            String what = foreign + " open orders on the account were not placed by TTQuant " + foreignBySymbol + ": "
                    + listed(foreignListed);
            if (config.foreignOrders() == ForeignOrderPolicy.FAIL) {
                fail(what + "; binance.foreign-orders is fail");
                return;
            }
            LOG.log(System.Logger.Level.WARNING, "binance venue: " + what + "; left alone (binance.foreign-orders: ignore): "
                    + "the gateway never cancels them and they are not in its positions or risk");
        }
        step = Step.ACCOUNT;
        backoffNanos = 0;
        retryDueNanos = now;
    }

    private void onAccount(TradingResult<AccountBalances> r) {
        accountInFlight = false;
        if (step != Step.ACCOUNT) {
            return;
        }
        if (r == null || !r.isOk()) {
            retryLater("account: " + r);
            return;
        }
        AccountBalances a = r.value();
        balanceReport = balances(a);
        LOG.log(System.Logger.Level.INFO, "binance venue: account balances beside the gateway's positions (a report, not "
                + "checked: deposits, withdrawals, fees in the base asset and trades outside the gateway make them differ): "
                + balanceReport);
        if (!a.canTrade()) {
            fail("Binance says the account may not trade (canTrade false)");
            return;
        }
        step = Step.DONE;
        listener.reconciled(summary());
    }

    private String balances(AccountBalances a) {
        Map<String, List<Instrument>> byBase = new LinkedHashMap<>();
        for (Instrument i : instruments) {
            byBase.computeIfAbsent(i.baseAsset(), k -> new ArrayList<>()).add(i);
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<Instrument>> e : byBase.entrySet()) {
            AssetBalance b = a.balance(e.getKey());
            StringBuilder s = new StringBuilder(e.getKey()).append(' ').append(Fixed.formatCompact(b.total(), Fixed.CASH_SCALE));
            if (b.locked() != 0) {
                s.append(" (locked ").append(Fixed.formatCompact(b.locked(), Fixed.CASH_SCALE)).append(')');
            }
            for (Instrument i : e.getValue()) {
                s.append(", position ").append(i.symbol()).append(' ')
                        .append(positions == null ? "unknown" : signed(i, positions.netQty(i.symbol())));
            }
            parts.add(s.toString());
        }
        return String.join("; ", parts);
    }

    private static String signed(Instrument i, long qty) {
        return (qty > 0 ? "+" : "") + Fixed.formatCompact(qty, i.qtyScale());
    }

    private String summary() {
        int open = 0;
        Map<String, Integer> ended = new LinkedHashMap<>();
        for (TrackedOrder t : restored) {
            OrderStatus s = t.order.status();
            if (s.isTerminal()) {
                String how = s == OrderStatus.REJECTED ? "never placed" : s.name().toLowerCase(Locale.ROOT);
                ended.merge(how, 1, Integer::sum);
            } else {
                open++;
            }
        }
        StringBuilder sb = new StringBuilder("binance: ").append(restored.size()).append(" open orders of the journal checked (")
                .append(open).append(" still open");
        for (Map.Entry<String, Integer> e : ended.entrySet()) {
            sb.append(", ").append(e.getValue()).append(' ').append(e.getKey());
        }
        sb.append("; ").append(stats.fills() - fillsAtStart).append(" fills the journal lacked applied, ")
                .append(stats.fillsKnownFromJournal - knownAtStart).append(" known); account: ").append(ttqOpen)
                .append(" TTQuant orders open, ").append(foreignCount()).append(" foreign")
                .append(foreignCount() == 0 ? "" : " (ignored)").append("; balances: ").append(balanceReport)
                .append("; in ").append(millis(now - startNanos)).append(" ms");
        return sb.toString();
    }

    private void retryLater(String what) {
        lastProblem = what;
        stats.reconcileRetries++;
        backoffNanos = backoffNanos <= 0 ? config.queryInitialNanos() : Math.min(config.queryMaxNanos(), backoffNanos * 2);
        retryDueNanos = Math.min(retryDueNanos, now + backoffNanos);
        LOG.log(System.Logger.Level.WARNING, "binance venue: reconciliation read failed (" + what + "); again in "
                + millis(backoffNanos) + " ms");
    }

    private String waitingFor() {
        return switch (step) {
            case ORDERS -> {
                List<String> open = new ArrayList<>();
                for (TrackedOrder t : restored) {
                    if (!settled(t)) {
                        open.add(t.clientOrderId + " (" + t.order.status() + (t.phase == TrackedOrder.Phase.UNKNOWN
                                ? ", not found yet" : t.queriedSinceRestart ? ", fills missing" : ", no answer yet") + ")");
                    }
                }
                yield "Binance's answer for " + open.size() + " of the journal's " + restored.size() + " open orders: "
                        + listed(open);
            }
            case OPEN_ORDERS -> "the account's open orders of " + symbolsPending;
            case ACCOUNT -> "the account's balances";
            case DONE -> "nothing";
        };
    }

    private int foreignCount() {
        int n = 0;
        for (int v : foreignBySymbol.values()) {
            n += v;
        }
        return n;
    }

    private void fail(String why) {
        if (step == Step.DONE) {
            return;
        }
        step = Step.DONE;
        listener.failed(why);
    }

    private static String listed(List<String> items) {
        return items.size() <= LISTED ? String.join(", ", items)
                : String.join(", ", items.subList(0, LISTED)) + " and " + (items.size() - LISTED) + " more";
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000L;
    }
}
