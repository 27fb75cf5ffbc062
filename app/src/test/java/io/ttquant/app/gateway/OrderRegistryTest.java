package io.ttquant.app.gateway;

import static io.ttquant.app.gateway.GatewayFixture.INS;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderStatus;
import io.ttquant.core.order.OrderType;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import io.ttquant.transport.codec.ByteSlice;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The registry against a plain model (hash maps and per-strategy queues): after every step of a
 * long random run of new orders, terminal orders and evictions over several strategies, lookups by
 * client order id and by gateway order id find exactly the records the model holds, with the right
 * state, and nothing it dropped (so deletions from the probing tables never lose a neighbour).
 */
class OrderRegistryTest {
    private static final int STRATEGIES = 3;
    private static final int WINDOW = 50;

    @Test
    void shouldAgreeWithAModelOfOpenOrdersAndPerStrategyWindowsOverARandomRun() {
        OrderRegistry registry = new OrderRegistry(STRATEGIES, WINDOW);
        Map<String, Integer> open = new HashMap<>(); // strategy/id -> slot
        Map<String, Long> remembered = new HashMap<>(); // strategy/id -> gateway order id, open or terminal
        List<ArrayDeque<String>> windows = new ArrayList<>();
        for (int s = 0; s < STRATEGIES; s++) {
            windows.add(new ArrayDeque<>());
        }
        SplittableRandom random = new SplittableRandom(3);
        long nextOrderId = 1;
        List<String> openKeys = new ArrayList<>();
        for (int step = 0; step < 40_000; step++) {
            if (openKeys.isEmpty() || random.nextInt(100) < 55) {
                int s = random.nextInt(STRATEGIES);
                String id = "c" + random.nextInt(5_000); // ids collide within and across strategies
                String key = s + "/" + id;
                if (remembered.containsKey(key)) {
                    assertThat(registry.findByClientId(s, slice(id))).isNotEqualTo(OrderRegistry.NONE);
                    continue;
                }
                Order o = Order.blank().reuse(nextOrderId, id.getBytes(StandardCharsets.US_ASCII), 0, id.length(), "s" + s, INS,
                        Side.BUY, OrderType.LIMIT, TimeInForce.GTC, INS.qty("1"), INS.price("99.50"), 0, false, step);
                int slot = registry.add(s, slice(id), o, 0, false);
                open.put(key, slot);
                openKeys.add(key);
                remembered.put(key, nextOrderId++);
            } else {
                String key = openKeys.remove(random.nextInt(openKeys.size()));
                int slot = open.remove(key);
                Order o = registry.order(slot);
                o.accept(step);
                o.cancel(step);
                assertThat(registry.retire(slot)).isSameAs(o);
                int s = Integer.parseInt(key.substring(0, key.indexOf('/')));
                ArrayDeque<String> w = windows.get(s);
                w.addLast(key);
                if (w.size() > WINDOW) {
                    remembered.remove(w.removeFirst());
                }
            }
            if (step % 1_000 == 0 || step > 39_900) {
                check(registry, open, remembered);
            }
        }
        assertThat(registry.capacity()).isLessThanOrEqualTo(2 * (openKeys.size() + STRATEGIES * WINDOW) + 64);
    }

    private static void check(OrderRegistry registry, Map<String, Integer> open, Map<String, Long> remembered) {
        assertThat(registry.size()).isEqualTo(remembered.size());
        for (Map.Entry<String, Long> e : remembered.entrySet()) {
            String key = e.getKey();
            int s = Integer.parseInt(key.substring(0, key.indexOf('/')));
            String id = key.substring(key.indexOf('/') + 1);
            int slot = registry.findByClientId(s, slice(id));
            assertThat(slot).as("client id %s", key).isNotEqualTo(OrderRegistry.NONE);
            assertThat(registry.findByOrderId(e.getValue())).as("order id of %s", key).isEqualTo(slot);
            assertThat(registry.orderId(slot)).isEqualTo(e.getValue());
            assertThat(new String(registry.clientIds(), registry.clientIdOffset(slot), registry.clientIdLength(slot),
                    StandardCharsets.US_ASCII)).isEqualTo(id);
            boolean isOpen = open.containsKey(key);
            assertThat(registry.isTerminal(slot)).isEqualTo(!isOpen);
            assertThat(registry.status(slot)).isEqualTo(isOpen ? OrderStatus.NEW : OrderStatus.CANCELED);
        }
        for (int k = 0; k < 200; k++) {
            String id = "c" + (5_000 + k); // never used
            assertThat(registry.findByClientId(k % STRATEGIES, slice(id))).isEqualTo(OrderRegistry.NONE);
        }
    }

    private static ByteSlice slice(String id) {
        return new ByteSlice().set(id.getBytes(StandardCharsets.US_ASCII));
    }
}
