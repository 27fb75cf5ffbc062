package io.ttquant.app.gateway.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@link VenueInbox}: tasks queued on other threads run on the draining thread in the order they
 * were queued; a full queue is counted and spills, never drops; a task that throws is counted and
 * the next one still runs.
 */
class VenueInboxTest {
    @Test
    void shouldRunEveryTaskInOrderOnTheDrainingThreadAndCountOverflowsInsteadOfDropping() throws Exception {
        VenueInbox inbox = new VenueInbox(16);
        List<Integer> ran = new CopyOnWriteArrayList<>();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        Thread producer = new Thread(() -> {
            for (int i = 0; i < 40; i++) {
                int n = i;
                inbox.execute(() -> {
                    ran.add(n);
                    threads.add(Thread.currentThread());
                });
            }
        });
        producer.start();
        producer.join();
        assertThat(ran).as("nothing runs on the producer").isEmpty();
        assertThat(inbox.size()).isEqualTo(40);
        assertThat(inbox.overflows()).isEqualTo(24);
        assertThat(inbox.drain()).isEqualTo(40);
        assertThat(ran).hasSize(40).isSorted();
        assertThat(threads).containsOnly(Thread.currentThread());
        assertThat(inbox.size()).isZero();
    }

    @Test
    void shouldCountATaskThatThrowsAndRunTheNext() {
        VenueInbox inbox = new VenueInbox(16);
        List<String> ran = new CopyOnWriteArrayList<>();
        inbox.execute(() -> {
            throw new IllegalStateException("a bug");
        });
        inbox.execute(() -> ran.add("next"));
        assertThat(inbox.drain()).isEqualTo(2);
        assertThat(ran).containsExactly("next");
        assertThat(inbox.taskErrors()).isEqualTo(1);
    }
}
