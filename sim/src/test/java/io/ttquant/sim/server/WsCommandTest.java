package io.ttquant.sim.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WsCommandTest {
    @Test
    void shouldParseSubscribe() {
        WsCommand c = WsCommand.parse("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@aggTrade\",\"btcusdt@depth\"],\"id\":1}");
        assertThat(c.isError()).isFalse();
        assertThat(c.method).isEqualTo(WsCommand.Method.SUBSCRIBE);
        assertThat(c.streams).extracting(StreamName::name).containsExactly("btcusdt@aggTrade", "btcusdt@depth");
        assertThat(c.id).isEqualTo(1L);
    }

    @Test
    void shouldAnswerUnknownMethodsWithBinancesMessage() {
        WsCommand c = WsCommand.parse("{\"method\":\"SUBSCRIBEE\",\"params\":[],\"id\":7}");
        assertThat(c.errorCode).isEqualTo(2);
        assertThat(c.errorMsg).startsWith("Invalid request: unknown variant `SUBSCRIBEE`, expected one of `SUBSCRIBE`, `UNSUBSCRIBE`");
        JsonWriter w = new JsonWriter();
        c.writeError(w);
        assertThat(w.toString()).startsWith("{\"error\":{\"code\":2,\"msg\":\"Invalid request: unknown variant").endsWith(",\"id\":7}");
    }

    @Test
    void shouldRejectInvalidStreamsIdsAndJson() {
        assertThat(WsCommand.parse("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@nope\"],\"id\":1}").errorMsg)
                .isEqualTo("Invalid request: invalid stream");
        assertThat(WsCommand.parse("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\"],\"id\":{}}").errorMsg)
                .isEqualTo("Invalid request: request ID must be an unsigned integer");
        assertThat(WsCommand.parse("{\"method\":\"SUBSCRIBE\",").errorCode).isEqualTo(3);
        assertThat(WsCommand.parse("hello").errorCode).isEqualTo(3);
        assertThat(WsCommand.parse("").errorCode).isEqualTo(3);
        assertThat(WsCommand.parse("{\"params\":[],\"id\":1}").errorMsg).startsWith("Invalid request: missing field `method`");
        assertThat(WsCommand.parse("[1,2]").errorCode).isEqualTo(2);
        assertThat(WsCommand.parse("{\"method\":\"LIST_SUBSCRIPTIONS\",\"params\":[\"x\"],\"id\":1}").errorMsg)
                .isEqualTo("Invalid request: too many parameters");
    }

    @Test
    void shouldParseProperties() {
        WsCommand set = WsCommand.parse("{\"method\":\"SET_PROPERTY\",\"params\":[\"combined\",true],\"id\":5}");
        assertThat(set.propertyValue).isTrue();
        assertThat(WsCommand.parse("{\"method\":\"SET_PROPERTY\",\"params\":[\"combined\",1],\"id\":5}").errorCode).isEqualTo(1);
        assertThat(WsCommand.parse("{\"method\":\"GET_PROPERTY\",\"params\":[\"other\"],\"id\":5}").errorCode).isZero();
        assertThat(WsCommand.parse("{\"method\":\"GET_PROPERTY\",\"params\":[\"combined\"],\"id\":\"abc\"}").id).isEqualTo("abc");
    }
}
