package io.ttquant.app.gateway.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.order.Side;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real crash: a child JVM ({@link JournalCrashChild}) appends and syncs as fast as it can and is
 * killed with SIGKILL in the middle of it, three times over on the same journal. After each kill
 * every order and fill it reported as synced must be recovered exactly once, and the positions
 * must agree with the orders' fills.
 */
class JournalCrashTest {
    @TempDir
    Path dir;

    private final List<Long> reportedOrders = new ArrayList<>();
    /** Reported fills as "SYMBOL tradeId". */
    private final List<String> reportedFills = new ArrayList<>();

    @Test
    void shouldRecoverEverySyncedOrderExactlyOnceAfterTheProcessIsKilled() throws Exception {
        for (int run = 1; run <= 3; run++) {
            // Killed right after an order's report in odd runs, right after a fill's in even ones.
            runAndKill(reportedOrders.size() + 400, run % 2 == 0);

            JournalRecovery r = OrderJournal.open(JournalCrashChild.config(dir, JournalConfig.Compaction.INLINE));
            assertThat(r.ok()).as("run %d: %s", run, r.error()).isTrue();
            RecoveredState s = r.state();
            r.journal().close();
            assertThat(s.cleanShutdown()).isFalse();

            Map<Long, Integer> submissions = new HashMap<>();
            ReplayResult replay = JournalReader.replay(dir, new JournalVisitor() {
                @Override
                public void onOrderSubmitted(OrderSubmittedRecord rec) {
                    submissions.merge(rec.orderId, 1, Integer::sum);
                }
            });
            assertThat(replay.ok()).isTrue();
            for (long id : reportedOrders) {
                assertThat(s.order(id)).as("run %d: synced order %d", run, id).isNotNull();
                assertThat(submissions.get(id)).as("run %d: order %d journaled once", run, id).isEqualTo(1);
            }
            for (String fill : reportedFills) {
                String[] f = fill.split(" ");
                assertThat(s.isFillApplied(JournalCrashChild.VENUE, f[0], Long.parseLong(f[1])))
                        .as("run %d: synced fill %s", run, fill).isTrue();
            }
            long maxReported = reportedOrders.get(reportedOrders.size() - 1);
            assertThat(s.nextOrderId()).isGreaterThan(maxReported);
            assertThat(submissions).hasSize((int) (s.nextOrderId() - 1));
            assertPositionsAgreeWithTheOrders(s);
        }
    }

    private void runAndKill(int ordersToSee, boolean afterAFill) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                JournalCrashChild.class.getName(), dir.toString()).redirectErrorStream(true).start();
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (Exception e) {
                lines.add("READ FAILED " + e);
            }
            lines.add("EOF");
        });
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        List<String> other = new ArrayList<>();
        for (boolean done = false; !done; ) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertThat(line).as("child output within the deadline (saw %d orders)", reportedOrders.size()).isNotNull();
            assertThat(line).as("child still running; it said %s", other).isNotEqualTo("EOF");
            take(line, other);
            done = reportedOrders.size() >= ordersToSee && line.startsWith(afterAFill ? "F " : "O ");
        }
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join(30_000);
        for (String line; (line = lines.poll()) != null && !line.equals("EOF"); ) {
            take(line, other); // reported before the kill: synced too
        }
        assertThat(child.exitValue()).as("killed, not exited; it said %s", other).isNotZero().isNotIn(2, 3);
    }

    private void take(String line, List<String> other) {
        if (line.startsWith("O ")) {
            reportedOrders.add(Long.parseLong(line.substring(2)));
        } else if (line.startsWith("F ")) {
            reportedFills.add(line.substring(2));
        } else if (other.size() < 20) {
            other.add(line);
        }
    }

    private static void assertPositionsAgreeWithTheOrders(RecoveredState s) {
        Map<String, Long> fromOrders = new HashMap<>();
        Map<String, Long> accounts = new HashMap<>();
        for (RecoveredOrder o : s.orders()) {
            long signed = o.side() == Side.BUY ? o.filledQty() : -o.filledQty();
            fromOrders.merge(o.strategy() + "/" + o.symbol(), signed, Long::sum);
            accounts.merge(o.symbol(), signed, Long::sum);
        }
        for (RecoveredPosition p : s.positions()) {
            assertThat(p.netQty()).as("%s", p).isEqualTo(fromOrders.getOrDefault(p.strategy() + "/" + p.symbol(), 0L));
        }
        for (RecoveredPosition p : s.accountPositions()) {
            assertThat(p.netQty()).as("%s", p).isEqualTo(accounts.getOrDefault(p.symbol(), 0L));
        }
        assertThat(s.duplicateFillsSkipped()).isZero();
    }
}
