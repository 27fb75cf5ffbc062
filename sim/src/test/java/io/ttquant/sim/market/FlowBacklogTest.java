package io.ttquant.sim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The bounded advance an engine with a time budget uses: at most the given number of participant
 * actions per call, the rest continued by the next call; and backlog shedding, which skips (and
 * counts) the participants' time older than the allowed lag instead of catching it up.
 */
class FlowBacklogTest {
    @Test
    void shouldRunAtMostTheGivenActionsAndContinueFromThereOnTheNextCall() {
        Harness h = new Harness(SimConfig.builder().seed(3).flowIntensity(1_000));
        h.advanceMillis(2_000);

        assertThat(h.ex.advanceTo(h.now(), 100)).isEqualTo(100);
        assertThat(h.ex.flowActions()).isEqualTo(100);
        int more = h.ex.advanceTo(h.now(), 100);
        assertThat(more).isEqualTo(100);
        int rest = 0;
        int n;
        while ((n = h.ex.advanceTo(h.now(), 1_000)) == 1_000) {
            rest += n;
        }
        rest += n;
        long total = h.ex.flowActions();
        assertThat(total).isEqualTo(200 + rest);
        assertThat(total).as("two symbols at 1000 actions/s for 2 s").isBetween(3_600L, 4_400L);
        assertThat(h.ex.advanceTo(h.now(), 100)).as("caught up: nothing more is due").isZero();
        assertThat(h.ex.skippedFlowMillis()).isZero();
        h.ex.validateInternalState();
    }

    @Test
    void shouldGiveTheSameMarketWhetherAdvancedInBoundedStepsOrAtOnce() {
        Harness bounded = new Harness(SimConfig.builder().seed(9).flowIntensity(500));
        Harness once = new Harness(SimConfig.builder().seed(9).flowIntensity(500));
        bounded.advanceMillis(3_000);
        once.advanceMillis(3_000);
        while (bounded.ex.advanceTo(bounded.now(), 7) == 7) {
            // keep going in small steps
        }
        once.ex.advanceTo(once.now());

        assertThat(bounded.trades).isEqualTo(once.trades);
        assertThat(bounded.btc().depth(1_000)).isEqualTo(once.btc().depth(1_000));
    }

    @Test
    void shouldSkipAndCountTheBacklogOlderThanTheAllowedLag() {
        Harness h = new Harness(SimConfig.builder().seed(3).flowIntensity(1_000));
        h.advanceMillis(10_000);
        assertThat(h.ex.advanceTo(h.now(), 500)).isEqualTo(500);
        long tradesBefore = h.btc().lastTradeId();

        long skipped = h.ex.shedFlowBacklog(h.now(), 200);

        assertThat(skipped).as("about 10 s minus the 200 ms allowed, minus what already ran").isBetween(9_000L, 9_800L);
        assertThat(h.ex.skippedFlowMillis()).isEqualTo(skipped);
        int lastStretch = 0;
        int n;
        while ((n = h.ex.advanceTo(h.now(), 1_000)) == 1_000) {
            lastStretch += n;
        }
        lastStretch += n;
        assertThat(lastStretch).as("only the last 200 ms of two symbols at 1000/s remain").isBetween(300, 500);
        assertThat(h.btc().lastTradeId()).isGreaterThanOrEqualTo(tradesBefore);
        assertThat(h.ex.shedFlowBacklog(h.now(), 200)).as("nothing left to shed").isZero();
        h.ex.validateInternalState();
    }

    @Test
    void shouldCountTheTimeSkippedAfterAPauseLongerThanTheCatchUp() {
        Harness h = new Harness(SimConfig.builder().seed(3).flowIntensity(100).maxCatchUpMillis(5_000));
        h.advanceMillis(65_000);
        h.ex.advanceTo(h.now());
        assertThat(h.ex.skippedFlowMillis()).isBetween(59_000L, 60_100L);
    }

    @Test
    void shouldRefuseANonPositiveActionBudget() {
        Harness h = new Harness(SimConfig.builder().flowIntensity(10));
        assertThatThrownBy(() -> h.ex.advanceTo(h.now(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> h.ex.shedFlowBacklog(h.now(), -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
