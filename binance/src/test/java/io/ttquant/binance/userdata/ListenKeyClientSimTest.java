package io.ttquant.binance.userdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ttquant.binance.rest.RestClientConfig;
import io.ttquant.binance.rest.RestFailure;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ListenKeyClient} against the simulator on 127.0.0.1: create, keepalive and close with the
 * API key in {@code X-MBX-APIKEY}; a closed or unknown key answers {@code -1125}; a wrong API key
 * is a typed rejection that does not quote it; a 429 with {@code Retry-After} stops every call,
 * unsent, until the window has passed on the client's clock; every answer arrives on the caller's
 * event loop.
 */
class ListenKeyClientSimTest {
    private SimFixture f;
    private ListenKeyClient client;

    @BeforeEach
    void setUp() {
        f = new SimFixture();
        client = f.listenKeyClient(f.endpoints());
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private ListenKeyResult await(CompletableFuture<ListenKeyResult> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldCreateKeepAliveAndCloseAKey() throws Exception {
        ListenKeyResult created = await(client.create());
        assertThat(created.isOk()).as(String.valueOf(created)).isTrue();
        String key = created.listenKey();
        assertThat(key).hasSize(64).matches("[A-Za-z0-9]+");
        assertThat(await(client.create()).listenKey()).as("the account's active key comes back").isEqualTo(key);
        ListenKeyResult kept = await(client.keepAlive(key));
        assertThat(kept.isOk()).isTrue();
        assertThat(kept.listenKey()).isNull();
        assertThat(await(client.close(key)).isOk()).isTrue();
        ListenKeyResult gone = await(client.keepAlive(key));
        assertThat(gone.isOk()).isFalse();
        assertThat(gone.isUnknownKey()).isTrue();
        assertThat(gone.failure().kind()).isEqualTo(RestFailure.Kind.REJECTED);
        assertThat(gone.failure().httpStatus()).isEqualTo(400);
        assertThat(gone.failure().msg()).isEqualTo("This listenKey does not exist.");
        assertThat(await(client.close(key)).isUnknownKey()).isTrue();
        assertThat(client.requestsSent()).isEqualTo(6);
        assertThat(created.toString()).doesNotContain(key).contains(key.substring(0, 4));
    }

    @Test
    void shouldCompleteEveryAnswerOnTheCallersEventLoop() throws Exception {
        CompletableFuture<Boolean> onLoop = client.create().thenApply(r -> f.loop.inEventLoop());
        assertThat(onLoop.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void shouldReportARejectedApiKeyWithoutQuotingIt() throws Exception {
        String wrong = "notTheAccountsKey0123456789";
        ListenKeyClient other = new ListenKeyClient(RestClientConfig.builder(f.endpoints(), f.clock).build(), wrong, f.loop);
        ListenKeyResult r = await(other.create());
        assertThat(r.isOk()).isFalse();
        assertThat(r.failure().kind()).isEqualTo(RestFailure.Kind.REJECTED);
        assertThat(r.failure().code()).isEqualTo(-2015);
        assertThat(r.toString()).doesNotContain(wrong);
        assertThat(other.toString()).doesNotContain(wrong);
    }

    @Test
    void shouldRefuseBadArgumentsAsBugs() {
        assertThatThrownBy(() -> client.keepAlive("key with spaces")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.close(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ListenKeyClient(RestClientConfig.builder(f.endpoints(), f.clock).build(), "a\r\nb", f.loop))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("a\r\nb");
    }

    @Test
    void shouldSendNothingUntilTheRetryAfterWindowHasPassed() throws Exception {
        f.fault("{\"restStatus\":429,\"restSeconds\":30}");
        long before = f.clock.nanos();
        ListenKeyResult limited = await(client.create());
        assertThat(limited.failure().kind()).isEqualTo(RestFailure.Kind.RATE_LIMITED);
        assertThat(limited.failure().httpStatus()).isEqualTo(429);
        assertThat(limited.failure().retryAtNanos()).isBetween(before + Duration.ofSeconds(30).toNanos(),
                f.clock.nanos() + Duration.ofSeconds(30).toNanos());
        f.clearFaults();
        ListenKeyResult refused = await(client.create());
        assertThat(refused.failure().kind()).isEqualTo(RestFailure.Kind.BACKING_OFF);
        assertThat(refused.failure().retryAtNanos()).isEqualTo(limited.failure().retryAtNanos());
        assertThat(client.requestsSent()).isEqualTo(1);
        assertThat(client.requestsRefused()).isEqualTo(1);
        assertThat(client.isBackingOff()).isTrue();
        f.clock.advance(Duration.ofSeconds(31));
        assertThat(client.isBackingOff()).isFalse();
        assertThat(await(client.create()).isOk()).isTrue();
        assertThat(client.requestsSent()).isEqualTo(2);
    }
}
