package io.ttquant.sim.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestParamsTest {
    @Test
    void shouldPreferQueryStringOverBody() {
        RequestParams p = RequestParams.parse("symbol=BTCUSDT&side=BUY", "side=SELL&quantity=1");
        assertThat(p.failed()).isFalse();
        assertThat(p.raw("side")).isEqualTo("BUY");
        assertThat(p.raw("quantity")).isEqualTo("1");
        assertThat(p.sentCount()).isEqualTo(3);
    }

    @Test
    void shouldRejectDuplicateParameterInOneSource() {
        RequestParams p = RequestParams.parse("symbol=A&symbol=B", "");
        assertThat(p.error().code()).isEqualTo(-1101);
        assertThat(p.error().msg()).isEqualTo("Duplicate values for a parameter detected.");
    }

    @Test
    void shouldDecodePercentEscapesAndRejectMalformedOnes() {
        RequestParams ok = RequestParams.parse("symbols=%5B%22BTCUSDT%22,%22ETHUSDT%22%5D&x=a+b", "");
        assertThat(ok.raw("symbols")).isEqualTo("[\"BTCUSDT\",\"ETHUSDT\"]");
        assertThat(ok.raw("x")).isEqualTo("a b");
        RequestParams bad = RequestParams.parse("symbol=%ZZ", "");
        assertThat(bad.error().code()).isEqualTo(-1100);
        RequestParams badUtf8 = RequestParams.parse("symbol=%C3%28", "");
        assertThat(badUtf8.error().code()).isEqualTo(-1100);
    }

    @Test
    void shouldNameTheMissingMandatoryParameter() {
        RequestParams p = RequestParams.parse("symbol=", "");
        assertThat(p.mandatoryString("symbol")).isNull();
        assertThat(p.error().code()).isEqualTo(-1102);
        assertThat(p.error().msg()).isEqualTo("Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
    }

    @Test
    void shouldGiveTheLegalRangeForBadNumbers() {
        RequestParams p = RequestParams.parse("limit=12a&quantity=1.2.3", "");
        assertThat(p.optLong("limit")).isEqualTo(Long.MIN_VALUE);
        assertThat(p.error().msg()).isEqualTo("Illegal characters found in parameter 'limit'; legal range is '^[0-9]{1,20}$'.");
        RequestParams q = RequestParams.parse("quantity=1.2.3", "");
        q.optDecimal("quantity");
        assertThat(q.error().msg())
                .isEqualTo("Illegal characters found in parameter 'quantity'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'.");
    }

    @Test
    void shouldRejectLowerCaseSymbols() {
        RequestParams p = RequestParams.parse("symbol=btcusdt", "");
        assertThat(p.symbol("symbol", true)).isNull();
        assertThat(p.error().code()).isEqualTo(-1100);
    }

    @Test
    void shouldReportUnreadParameters() {
        RequestParams p = RequestParams.parse("symbol=BTCUSDT&foo=1", "");
        p.symbol("symbol", true);
        p.checkAllRead();
        assertThat(p.error().code()).isEqualTo(-1104);
        assertThat(p.error().msg()).isEqualTo("Not all sent parameters were read; read '1' parameter(s) but was sent '2'.");
    }

    @Test
    void shouldRefuseTooManyParameters() {
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < 70; i++) {
            q.append("p").append(i).append("=1&");
        }
        assertThat(RequestParams.parse(q.toString(), "").error().code()).isEqualTo(-1101);
    }
}
