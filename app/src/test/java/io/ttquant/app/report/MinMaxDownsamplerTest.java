package io.ttquant.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MinMaxDownsamplerTest {
    @Test
    void shouldKeepAShortSeriesWhole() {
        long[] t = {1, 2, 3};
        double[] v = {5, 4, 6};

        assertThat(MinMaxDownsampler.indices(t, v, 3, 500)).containsExactly(0, 1, 2);
    }

    @Test
    void shouldBoundAMillionPointsToFourPerColumnAndKeepExtremesAndEnds() {
        int n = 1_000_000;
        long[] t = new long[n];
        double[] v = new double[n];
        Random rnd = new Random(7);
        int minAt = 0;
        int maxAt = 0;
        for (int i = 0; i < n; i++) {
            t[i] = i * 60_000_000_000L;
            v[i] = (i == 0 ? 0 : v[i - 1]) + rnd.nextGaussian();
            minAt = v[i] < v[minAt] ? i : minAt;
            maxAt = v[i] > v[maxAt] ? i : maxAt;
        }

        int[] idx = MinMaxDownsampler.indices(t, v, n, 500);

        assertThat(idx.length).isLessThanOrEqualTo(2_000);
        assertThat(idx).contains(0, n - 1, minAt, maxAt);
        for (int k = 1; k < idx.length; k++) {
            assertThat(idx[k]).isGreaterThan(idx[k - 1]);
        }
    }
}
