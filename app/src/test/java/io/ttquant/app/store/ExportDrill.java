package io.ttquant.app.store;

import io.ttquant.app.gateway.GatewayConfig;
import io.ttquant.app.gateway.GatewayConfigFile;
import io.ttquant.app.gateway.GatewayService;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.time.SystemEpochClock;
import io.ttquant.transport.zmq.ZmqPublisher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * What the export drills share: a market data publisher on 127.0.0.1 that the paper gateway
 * subscribes to, the gateway's YAML (BTCUSDT, strategy alpha, paper fills at 10 bps, a journal, and
 * the drill's own metrics port and store section), and the sockets a {@link PaperTrader} trades
 * over with a gateway started in this process. Closing it closes the publisher and the ZeroMQ
 * context. It holds no assertions.
 */
final class ExportDrill implements AutoCloseable {
    final ZContext zmq = new ZContext(1);
    final ZmqPublisher marketData = new ZmqPublisher(zmq,
            new ZmqPublisher.Config().endpoint("tcp://127.0.0.1:0").venue("binance"), SystemEpochClock.instance());

    /**
     * Writes {@code dir/gateway.yaml}; returns its path.
     *
     * @param metricsPort 0 for any free port, -1 for none
     * @param store       the body of the {@code store:} section, e.g. {@code {batch-records: 50}}
     */
    Path writeConfig(Path dir, int metricsPort, String store) throws IOException {
        Path yaml = dir.resolve("gateway.yaml");
        Files.writeString(yaml, String.join("\n",
                "gateway:",
                "  orders: tcp://127.0.0.1:0",
                "  executions: tcp://127.0.0.1:0",
                "  marketdata: {endpoint: '" + marketData.endpoint() + "', venue: binance}",
                "  paper: {fee-bps: 10}",
                "  instruments:",
                "    BTCUSDT: {max-order-qty: 0.01, collar-bps: 1000}",
                "  strategies:",
                "    alpha: {max-open-orders: 100000}",
                "  metrics: {port: " + metricsPort + "}",
                "  journal: {dir: journal}",
                "  store: " + store,
                ""));
        return yaml;
    }

    static GatewayConfig read(Path yaml) throws IOException {
        GatewayConfig.Builder b = GatewayConfig.builder();
        GatewayConfigFile.read(yaml, b);
        return b.build();
    }

    /** A trader sending orders to, and reading the execution reports of, a gateway of this process. */
    PaperTrader trader(GatewayService gateway, Instrument btc) {
        ZMQ.Socket push = zmq.createSocket(SocketType.PUSH);
        push.setLinger(0);
        push.connect(gateway.ordersEndpoint());
        ZMQ.Socket sub = zmq.createSocket(SocketType.SUB);
        sub.setLinger(0);
        sub.setReceiveTimeOut(5);
        sub.subscribe("exec.".getBytes(StandardCharsets.US_ASCII));
        sub.connect(gateway.executionsEndpoint());
        return new PaperTrader(btc, marketData, push, sub);
    }

    @Override
    public void close() {
        marketData.close();
        zmq.close();
    }
}
