package io.ttquant.binance.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** {@link RestTransport}'s reading of failures before any answer, shared by the market-data and listen-key clients. */
class RestTransportTest {

    @Test
    void shouldTellTimeoutsFromConnectAndIoFailures() {
        assertThat(RestTransport.transportFailure(new CompletionException(new HttpConnectTimeoutException("x")), null))
                .satisfies(f -> {
                    assertThat(f.kind()).isEqualTo(RestFailure.Kind.TIMEOUT);
                    assertThat(f.msg()).isEqualTo("connect timeout");
                });
        assertThat(RestTransport.transportFailure(new HttpTimeoutException("request timed out"), null).msg())
                .isEqualTo("no answer within the request timeout");
        RestFailure refused = RestTransport.transportFailure(new CompletionException(new ConnectException("Connection refused")), null);
        assertThat(refused.kind()).isEqualTo(RestFailure.Kind.TRANSPORT);
        assertThat(refused.msg()).isEqualTo("connect failed: ConnectException Connection refused");
        assertThat(RestTransport.transportFailure(new IOException("reset"), null).msg()).isEqualTo("I/O failure: IOException reset");
        assertThat(refused.httpStatus()).isZero();
        assertThat(refused.hasCode()).isFalse();
    }

    @Test
    void shouldLeaveOutAMessageThatQuotesTheHiddenText() {
        RestFailure f = RestTransport.transportFailure(
                new IOException("failed: PUT http://127.0.0.1/api/v3/userDataStream?listenKey=abc123"), "listenKey");
        assertThat(f.msg()).isEqualTo("I/O failure: IOException").doesNotContain("abc123");
        assertThat(RestTransport.transportFailure(new IOException((String) null), "listenKey").msg())
                .isEqualTo("I/O failure: IOException");
    }
}
