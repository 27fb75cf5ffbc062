package io.ttquant.app.gateway.binance;

import static io.ttquant.transport.proto.OrderStatus.ORDER_STATUS_ACCEPTED;
import static io.ttquant.transport.proto.OrderStatus.ORDER_STATUS_CANCELED;
import static io.ttquant.transport.proto.OrderStatus.ORDER_STATUS_FILLED;
import static io.ttquant.transport.proto.OrderStatus.ORDER_STATUS_REJECTED;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.app.gateway.CommandOutcome;
import io.ttquant.app.gateway.JournalEventLog;
import io.ttquant.app.gateway.binance.SimVenueHarness.Options;
import io.ttquant.app.gateway.journal.FillRecord;
import io.ttquant.app.gateway.journal.JournalConfig;
import io.ttquant.app.gateway.journal.JournalReader;
import io.ttquant.app.gateway.journal.JournalRecovery;
import io.ttquant.app.gateway.journal.JournalVisitor;
import io.ttquant.app.gateway.journal.OrderJournal;
import io.ttquant.app.gateway.journal.OrderResolvedRecord;
import io.ttquant.app.gateway.journal.OrderStateRecord;
import io.ttquant.app.gateway.journal.OrderUnknownRecord;
import io.ttquant.app.gateway.journal.RecoveredOrder;
import io.ttquant.app.gateway.journal.RecoveredState;
import io.ttquant.core.order.OrderStatus;
import io.ttquant.core.order.RejectReason;
import io.ttquant.transport.proto.Side;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The binance venue behind a journaling gateway, against the exchange simulator: a new order or a
 * cancel whose answer was lost is journaled ORDER_UNKNOWN (with the request) as soon as the venue
 * knows, and ORDER_RESOLVED once it is found out, after the fills and state found on the way; an
 * order proven never placed is resolved REJECTED with VENUE_ORDER_NOT_PLACED and no venue id. A
 * replay of the journal then holds no unknown order.
 */
class BinanceVenueUnknownJournalSimTest {
    @TempDir
    Path dir;

    private SimVenueHarness h;
    private AnswerLosingProxy proxy;
    private OrderJournal journal;

    @AfterEach
    void tearDown() throws Exception {
        if (journal != null) {
            journal.close();
        }
        if (h != null) {
            assertThat(h.venue.applyErrors()).isZero();
            assertThat(h.venue.stats().inconsistencies()).isZero();
            h.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    /** The venue without the stream (only queries resolve), REST through the answer-losing proxy, and a journal. */
    private void start(Options o) throws Exception {
        h = new SimVenueHarness(o);
        JournalRecovery r = OrderJournal.open(JournalConfig.builder(dir).compaction(JournalConfig.Compaction.INLINE).build());
        assertThat(r.ok()).isTrue();
        journal = r.journal();
        h.gateway.attachLog(new JournalEventLog(journal, BinanceVenue.NAME));
        h.awaitReady();
    }

    private Options throughProxy() {
        return new Options().flow(20).venue(b -> b.userDataStream(false)).restRoute(port -> {
            proxy = new AnswerLosingProxy(port);
            return proxy.url();
        });
    }

    /** The journal's records about order {@code orderId}, in order, as short texts. */
    private List<String> journaled(long orderId) {
        List<String> out = new ArrayList<>();
        JournalReader.replay(dir, new JournalVisitor() {
            @Override
            public void onOrderState(OrderStateRecord r) {
                if (r.orderId == orderId) {
                    out.add("STATE " + r.status);
                }
            }

            @Override
            public void onFill(FillRecord r) {
                if (r.orderId == orderId) {
                    out.add("FILL");
                }
            }

            @Override
            public void onOrderUnknown(OrderUnknownRecord r) {
                if (r.orderId == orderId) {
                    out.add("UNKNOWN " + r.request);
                }
            }

            @Override
            public void onOrderResolved(OrderResolvedRecord r) {
                if (r.orderId == orderId) {
                    out.add("RESOLVED " + r.status + " reject=" + r.rejectCode + " venueId=" + (r.venueOrderId != 0));
                }
            }
        });
        return out;
    }

    private RecoveredState reopen() {
        journal.close();
        journal = null;
        JournalRecovery r = OrderJournal.open(JournalConfig.builder(dir).build());
        assertThat(r.ok()).isTrue();
        r.journal().close();
        return r.state();
    }

    @Test
    void shouldJournalALostNewOrderAnswerAsUnknownAndItsResolutionOnceFound() throws Exception {
        start(throughProxy());
        proxy.loseNextNewOrderAnswer();
        h.send(h.market("lost-1", Side.SIDE_BUY, h.gatewayBtc.qty("0.03")));
        h.runUntil("UNKNOWN", () -> h.venue.unknownOrders() == 1);
        long id = h.gateway.order(SimVenueHarness.STRATEGY, "lost-1").orderId();
        assertThat(journaled(id)).as("journaled as soon as the venue knows the answer is lost").containsExactly("UNKNOWN NEW_ORDER");

        h.runUntil("resolved FILLED", () -> h.hasStatus("lost-1", ORDER_STATUS_FILLED));

        List<String> records = journaled(id);
        assertThat(records.get(0)).isEqualTo("UNKNOWN NEW_ORDER");
        assertThat(records).filteredOn(r -> r.startsWith("RESOLVED")).singleElement().satisfies(r -> {
            int at = records.indexOf(r);
            assertThat(r).endsWith("reject=0 venueId=true");
            assertThat(r.substring("RESOLVED ".length(), r.indexOf(' ', "RESOLVED ".length())))
                    .as("resolved after the state found, with that state").isEqualTo(records.get(at - 1).substring("STATE ".length()));
        });
        assertThat(records.stream().filter(r -> r.startsWith("STATE")).reduce((x, y) -> y)).hasValue("STATE FILLED");
        assertThat(records).filteredOn("FILL"::equals).hasSize(h.fills("lost-1").size());
        RecoveredOrder o = reopen().order(id);
        assertThat(o.isUnknown()).isFalse();
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(o.venueOrderId()).isEqualTo(h.simOrder("lost-1").orderId());
    }

    @Test
    void shouldJournalALostCancelAnswerAsUnknownAndItsResolution() throws Exception {
        start(throughProxy());
        long bid = h.bestBid();
        h.send(h.limit("lost-cancel", Side.SIDE_BUY, h.venueBtc.floorToTick(bid - bid / 10), h.gatewayBtc.qty("0.01")));
        h.runUntil("ACCEPTED", () -> h.hasStatus("lost-cancel", ORDER_STATUS_ACCEPTED));
        long id = h.reports("lost-cancel").get(0).getOrderId();
        proxy.loseNextCancelAnswer();
        assertThat(h.cancel("lost-cancel")).isEqualTo(CommandOutcome.CANCEL_SENT);
        h.runUntil("cancel UNKNOWN", () -> h.venue.unknownOrders() == 1);
        assertThat(journaled(id)).containsExactly("STATE ACCEPTED", "UNKNOWN CANCEL");

        h.runUntil("CANCELED", () -> h.hasStatus("lost-cancel", ORDER_STATUS_CANCELED));

        assertThat(journaled(id)).containsExactly("STATE ACCEPTED", "UNKNOWN CANCEL", "STATE CANCELED",
                "RESOLVED CANCELED reject=0 venueId=true");
        RecoveredState s = reopen();
        assertThat(s.unknownOrders()).isEmpty();
        assertThat(s.order(id).status()).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void shouldJournalAnOrderNeverPlacedAsResolvedRejectedWithoutAVenueId() throws Exception {
        start(new Options().flow(20).venue(b -> b.recvWindowMillis(1000).notPlacedMargin(Duration.ofMillis(200))));
        h.fault("{\"restStatus\":503,\"restSeconds\":1}");
        long bid = h.bestBid();
        h.send(h.limit("lost-5xx", Side.SIDE_BUY, h.venueBtc.floorToTick(bid - bid / 10), h.gatewayBtc.qty("0.01")));
        h.runUntil("UNKNOWN", () -> h.venue.unknownOrders() == 1);
        long id = h.gateway.order(SimVenueHarness.STRATEGY, "lost-5xx").orderId();

        h.runUntil("VENUE_ORDER_NOT_PLACED", () -> h.hasStatus("lost-5xx", ORDER_STATUS_REJECTED));

        assertThat(journaled(id)).containsExactly("UNKNOWN NEW_ORDER", "STATE REJECTED",
                "RESOLVED REJECTED reject=" + RejectReason.VENUE_ORDER_NOT_PLACED.code() + " venueId=false");
        RecoveredState s = reopen();
        assertThat(s.unknownOrders()).isEmpty();
        assertThat(s.openOrders()).isEmpty();
        assertThat(s.order(id).rejectReason()).isEqualTo(RejectReason.VENUE_ORDER_NOT_PLACED);
    }
}
