package io.ttquant.sim.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The examples of Binance's "SIGNED Endpoint Examples for POST /api/v3/order". */
class HmacSignatureTest {
    private static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private static final String PARAMS =
            "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";

    @Test
    void shouldMatchTheDocumentedSignatureOfABody() {
        assertThat(HmacSignature.sign(SECRET, PARAMS)).isEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
        HmacSignature v = new HmacSignature();
        assertThat(v.verify(SECRET, "", PARAMS + "&signature=c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71",
                "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71")).isTrue();
    }

    @Test
    void shouldConcatenateQueryAndBodyWithoutAmpersand() {
        String sig = "0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77";
        HmacSignature v = new HmacSignature();
        assertThat(v.verify(SECRET, "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC",
                "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559&signature=" + sig, sig)).isTrue();
    }

    @Test
    void shouldAcceptUpperCaseHexAndRejectOtherSignatures() {
        String sig = "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71";
        HmacSignature v = new HmacSignature();
        assertThat(v.verify(SECRET, PARAMS + "&signature=" + sig.toUpperCase(), "", sig.toUpperCase())).isTrue();
        assertThat(v.verify(SECRET, PARAMS.replace("0.1", "0.2") + "&signature=" + sig, "", sig)).isFalse();
        assertThat(v.verify("other", PARAMS, "", sig)).isFalse();
        assertThat(v.verify(SECRET, PARAMS, "", "zz")).isFalse();
        assertThat(v.verify(SECRET, PARAMS, "", sig.replace('c', 'g'))).isFalse();
    }

    @Test
    void shouldRemoveTheSignatureWhereverItIs() {
        assertThat(HmacSignature.withoutSignature("signature=ab&a=1")).isEqualTo("a=1");
        assertThat(HmacSignature.withoutSignature("a=1&signature=ab&b=2")).isEqualTo("a=1&b=2");
        assertThat(HmacSignature.withoutSignature("a=1&signatureX=2")).isEqualTo("a=1&signatureX=2");
        assertThat(HmacSignature.withoutSignature("")).isEmpty();
    }
}
