package io.ttquant.binance.trading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** {@link ServerTimeOffset}: midpoint estimate, smallest round trip wins, when a sync is due. */
class ServerTimeOffsetTest {
    private static final long MS = 1_000_000L;
    private static final long MINUTE = 60_000 * MS;

    private final AtomicLong local = new AtomicLong(1_000 * MS);
    private final ServerTimeOffset offset = new ServerTimeOffset(local::get, 10 * MINUTE);

    @Test
    void shouldTakeTheMidpointOfTheSampleWithTheSmallestRoundTrip() {
        ServerTimeOffset.Round round = offset.newRound();
        round.add(0, 5_000, 40 * MS);            // rtt 40 ms, midpoint 20 ms
        round.add(100 * MS, 5_200, 110 * MS);    // rtt 10 ms, midpoint 105 ms: the best bound
        round.add(200 * MS, 5_400, 260 * MS);    // rtt 60 ms
        assertThat(round.samples()).isEqualTo(3);
        assertThat(offset.apply(round, 300 * MS)).isTrue();
        // server read its clock in [5200, 5201) ms at local 105 ms: offset 5200.5 - 105 = 5095.5 ms
        assertThat(offset.offsetNanos()).isEqualTo(5_095 * MS + MS / 2);
        assertThat(offset.roundTripNanos()).isEqualTo(10 * MS);
        local.set(1_000 * MS);
        assertThat(offset.timestampMillis()).isEqualTo(6_095);
        assertThat(offset.serverMillisAt(2_000 * MS)).isEqualTo(7_095);
        assertThat(offset.localNanosAt(7_095)).isEqualTo(2_000 * MS - MS / 2);
    }

    @Test
    void shouldFollowAServerClockSkewedEitherWay() {
        for (long skewMs : new long[] {-3_000, 30_000, 0}) {
            ServerTimeOffset.Round round = offset.newRound();
            long sent = 50_000 * MS;
            long received = sent + 8 * MS;
            long serverAtMidpoint = (sent + 4 * MS) / MS + skewMs;
            round.add(sent, serverAtMidpoint, received);
            offset.apply(round, received);
            local.set(received + 500 * MS);
            long serverNow = (received + 500 * MS) / MS + skewMs;
            assertThat(offset.timestampMillis()).as("skew %d ms", skewMs).isBetween(serverNow - 1, serverNow + 1);
        }
    }

    @Test
    void shouldIgnoreSamplesFromAClockThatWentBackwards() {
        ServerTimeOffset.Round round = offset.newRound();
        round.add(10 * MS, 1_000, 5 * MS);
        assertThat(round.samples()).isZero();
        assertThat(offset.apply(round, 20 * MS)).isFalse();
        assertThat(offset.isSynced()).isFalse();
    }

    @Test
    void shouldBeDueBeforeTheFirstSyncAfterTheIntervalAndAfterInvalidation() {
        assertThat(offset.isSynced()).isFalse();
        assertThat(offset.isDue(0)).isTrue();
        ServerTimeOffset.Round round = offset.newRound();
        round.add(0, 1_000, 2 * MS);
        offset.apply(round, 2 * MS);
        assertThat(offset.isSynced()).isTrue();
        assertThat(offset.isDue(2 * MS + 10 * MINUTE - 1)).isFalse();
        assertThat(offset.isDue(2 * MS + 10 * MINUTE)).isTrue();
        offset.invalidate();
        assertThat(offset.isSynced()).isFalse();
        assertThat(offset.isDue(3 * MS)).isTrue();
        assertThat(offset.invalidations()).isEqualTo(1);
        assertThat(offset.syncs()).isEqualTo(1);
        assertThat(offset.apply(offset.newRound(), 4 * MS)).as("an empty round changes nothing").isFalse();
        assertThat(offset.isSynced()).isFalse();
    }
}
