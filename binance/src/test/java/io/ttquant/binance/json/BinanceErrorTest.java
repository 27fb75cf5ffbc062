package io.ttquant.binance.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link BinanceError} on Binance's error bodies and on everything that is not one. */
class BinanceErrorTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldReadCodeAndMessageInEitherOrder() {
        assertThat(BinanceError.parse(b("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}")))
                .isEqualTo(new BinanceError(-1121, "Invalid symbol."));
        assertThat(BinanceError.parse(b("{\"msg\":\"This listenKey does not exist.\",\"code\":-1125}")))
                .isEqualTo(new BinanceError(-1125, "This listenKey does not exist."));
    }

    @Test
    void shouldUnescapeTheMessageAndIgnoreOtherFields() {
        assertThat(BinanceError.parse(b("{\"code\":-2010,\"data\":{\"x\":[1,2]},\"msg\":\"Account has \\\"insufficient\\\" balance.\"}")))
                .isEqualTo(new BinanceError(-2010, "Account has \"insufficient\" balance."));
        assertThat(BinanceError.parse(b("{\"code\":-1000}"))).isEqualTo(new BinanceError(-1000, ""));
    }

    @Test
    void shouldReadOnlyTheGivenRangeOfTheBuffer() {
        byte[] framed = b("xx{\"code\":-1125,\"msg\":\"gone\"}yy");
        assertThat(BinanceError.parse(framed, 2, framed.length - 4)).isEqualTo(new BinanceError(-1125, "gone"));
    }

    @Test
    void shouldSayNoErrorForAnythingElse() {
        assertThat(BinanceError.parse(b("<html>bad gateway</html>"))).isNull();
        assertThat(BinanceError.parse(b("{\"msg\":\"no code\"}"))).isNull();
        assertThat(BinanceError.parse(b("{\"code\":\"-1121\",\"msg\":\"code as text\"}"))).isNull();
        assertThat(BinanceError.parse(b("{\"code\":-1121.5}"))).isNull();
        assertThat(BinanceError.parse(b("{\"code\":99999999999}"))).isNull();
        assertThat(BinanceError.parse(b("[1,2]"))).isNull();
        assertThat(BinanceError.parse(b("{\"code\":-1121,"))).isNull();
        assertThat(BinanceError.parse(new byte[0])).isNull();
        assertThat(BinanceError.parse(null)).isNull();
    }
}
