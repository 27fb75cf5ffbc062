package io.ttquant.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ttquant.core.marketdata.MarketEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every target gets every event, in order, even after another target refused it. */
class FanOutPublisherTest {
    @Test
    void shouldPublishToEveryTargetAndReportARefusal() {
        List<String> calls = new ArrayList<>();
        MarketDataPublisher accepting = e -> calls.add("a:" + e.kind());
        MarketDataPublisher refusing = e -> {
            calls.add("r:" + e.kind());
            return false;
        };
        MarketDataPublisher last = e -> calls.add("z:" + e.kind());
        FanOutPublisher fanOut = new FanOutPublisher(accepting, refusing, last);
        MarketEvent trade = TestEvents.mixed(1).get(0);
        assertThat(fanOut.publish(trade)).isFalse();
        assertThat(calls).containsExactly("a:TRADE", "r:TRADE", "z:TRADE");
        assertThat(fanOut.refusals()).isEqualTo(1);

        FanOutPublisher allAccept = new FanOutPublisher(List.of(accepting, last));
        assertThat(allAccept.publish(trade)).isTrue();
        assertThat(allAccept.refusals()).isZero();
    }

    @Test
    void shouldRefuseAnEmptyOrNullTargetList() {
        assertThatThrownBy(FanOutPublisher::new).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FanOutPublisher(e -> true, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
