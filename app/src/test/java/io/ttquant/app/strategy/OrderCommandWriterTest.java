package io.ttquant.app.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderType;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import io.ttquant.transport.order.OrderMessages;
import io.ttquant.transport.proto.OrderCommand;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The engine's order commands are byte for byte what protoc's classes write for the same values. */
class OrderCommandWriterTest {
    private static final Instrument BTC = Instruments.binanceSpot("BTCUSDT");
    private static final byte[] STRATEGY = "alpha".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VENUE = "paper".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SYMBOL = "BTCUSDT".getBytes(StandardCharsets.US_ASCII);

    @Test
    void shouldWriteNewOrdersAsProtocDoes() {
        OrderCommandWriter w = new OrderCommandWriter();
        Order[] orders = {
            new Order(1, "alpha-1", "alpha", BTC, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, BTC.qty("0.015"),
                    BTC.price("30123.45"), 0, false, 1_700_000_000_123_456_789L),
            new Order(2, "alpha-123456789", "alpha", BTC, Side.SELL, OrderType.MARKET, TimeInForce.IOC, BTC.qty("2"), 0, 0, true, 1L),
            new Order(3, "alpha-3", "alpha", BTC, Side.SELL, OrderType.STOP_LIMIT, TimeInForce.FOK, BTC.qty("0.00001"),
                    BTC.price("29000"), BTC.price("29100.5"), false, 0),
        };
        long sequence = 0;
        for (Order o : orders) {
            sequence++;
            long send = 1_700_000_001_000_000_000L + sequence;
            int n = w.newOrder(sequence, send, o, STRATEGY, VENUE, SYMBOL);
            byte[] expected = OrderMessages.command(sequence, send, OrderMessages.newOrder(o, "paper")).toByteArray();
            assertThat(Arrays.copyOf(w.buffer(), n)).as(o.toString()).isEqualTo(expected);
        }
    }

    @Test
    void shouldWriteCancelsByClientOrderIdAsProtocDoes() throws Exception {
        OrderCommandWriter w = new OrderCommandWriter();
        Order o = new Order(7, "alpha-7", "alpha", BTC, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, BTC.qty("1"), BTC.price("1"), 0,
                false, 5);
        long send = 1_700_000_002_000_000_000L;
        int n = w.cancelOrder(42, send, o, STRATEGY, VENUE, SYMBOL);
        OrderCommand parsed = OrderCommand.parseFrom(Arrays.copyOf(w.buffer(), n));
        assertThat(parsed.getSequence()).isEqualTo(42);
        assertThat(parsed.getSendTimeNs()).isEqualTo(send);
        assertThat(parsed.getCancelOrder().getClientOrderId()).isEqualTo("alpha-7");
        assertThat(parsed.getCancelOrder().getOrderId()).as("looked up by client order id at the gateway").isZero();
        byte[] expected = OrderCommand.newBuilder().setSequence(42).setSendTimeNs(send)
                .setCancelOrder(OrderMessages.cancelOrder(o, "paper", send).toBuilder().clearOrderId()).build().toByteArray();
        assertThat(Arrays.copyOf(w.buffer(), n)).isEqualTo(expected);
    }
}
