package io.ttquant.binance.trading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link RequestSigner} against the examples of Binance's "SIGNED endpoint" documentation. */
class RequestSignerTest {
    private static final String DOC_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    private static final String DOC_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private static final String DOC_QUERY =
            "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";

    private final RequestSigner signer = new RequestSigner(ApiCredentials.of(DOC_KEY, DOC_SECRET));

    @Test
    void shouldReproduceBinancesDocumentedSignature() {
        assertThat(signer.signature(DOC_QUERY)).isEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
    }

    @Test
    void shouldSignQueryStringFollowedByBodyAsBinancesMixedExample() {
        // Binance's example 3: query "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC", body "quantity=1&price=0.1&...".
        String total = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC" + "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
        assertThat(signer.signature(total)).isEqualTo("0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77");
    }

    @Test
    void shouldAppendTheSignatureAsTheLastParameter() {
        StringBuilder q = new StringBuilder(DOC_QUERY);
        signer.appendSignature(q);
        assertThat(q.toString()).isEqualTo(DOC_QUERY + "&signature=c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
        StringBuilder again = new StringBuilder(DOC_QUERY);
        signer.appendSignature(again);
        assertThat(again.toString()).as("the reused MAC is reset between calls").isEqualTo(q.toString());
    }

    @Test
    void shouldSignLongParameterListsBeyondTheInitialBuffer() {
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            q.append(i == 0 ? "" : "&").append("p").append(i).append("=v").append(i);
        }
        String expected = new RequestSigner(ApiCredentials.of(DOC_KEY, DOC_SECRET)).signature(q.toString());
        String once = signer.signature(q);
        assertThat(once).isEqualTo(expected).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(signer.signature(DOC_QUERY)).isEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
    }

    @Test
    void shouldNeverShowTheSecret() {
        assertThat(signer.toString()).doesNotContain(DOC_SECRET).doesNotContain(DOC_KEY);
        assertThat(signer.apiKey()).isEqualTo(DOC_KEY);
    }
}
