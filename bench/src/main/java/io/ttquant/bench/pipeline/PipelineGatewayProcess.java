package io.ttquant.bench.pipeline;

import io.ttquant.app.gateway.GatewayStateEndpoint;
import io.ttquant.app.gateway.GatewayStateQuery;
import io.ttquant.app.gateway.OrderGateway;
import io.ttquant.app.gateway.PaperVenue;
import io.ttquant.app.gateway.ZmqExecutionPublisher;
import io.ttquant.app.gateway.ZmqGatewayTransport;
import io.ttquant.bench.sim.LoadFlags;
import io.ttquant.core.exchange.ExchangeConfig;
import io.ttquant.core.marketdata.MarketDataKind;
import io.ttquant.core.time.Clock;
import io.ttquant.core.time.SystemEpochClock;
import io.ttquant.transport.Topics;
import io.ttquant.transport.codec.MarketDataDecoder;
import io.ttquant.transport.codec.SymbolTable;
import io.ttquant.transport.proto.StateSnapshot;
import io.ttquant.transport.zmq.ZmqMarketDataAdapter;
import io.ttquant.transport.zmq.ZmqPublisher;
import io.ttquant.transport.zmq.ZmqSubscriber;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import org.zeromq.ZContext;

/**
 * The gateway process of the tick-to-trade benchmark ({@code --mode zmq}), a child JVM: the parts
 * {@code ttquant gateway} runs on its gateway thread — the order PULL socket
 * ({@link ZmqGatewayTransport}: decode, risk checks, the paper venue), the execution PUB socket
 * ({@link ZmqExecutionPublisher}), the market data SUB socket into the paper venue, the state
 * endpoint for the engine's start-up sync — with the benchmark's {@link AcceptClock} as the
 * gateway's observer, and without the order journal (with {@code sync: every-record} each order
 * would wait for an fsync; the benchmark measures the message path). One thread runs the duty
 * cycle, spinning or parking when idle. Prints {@code READY orders=... executions=... state=...};
 * on {@code stop} (standard input) writes the accept times to {@code --out} and prints
 * {@code DONE}.
 */
public final class PipelineGatewayProcess {
    private static final String USAGE = """
            usage: PipelineGatewayProcess --marketdata tcp://127.0.0.1:PORT --out FILE [--capacity N] [--idle spin|park]
            """;

    private PipelineGatewayProcess() {
    }

    public static void main(String[] args) throws Exception {
        LoadFlags f = new LoadFlags(args, USAGE, "marketdata", "out", "capacity", "idle");
        String marketData = f.string("marketdata", null);
        Path out = Path.of(f.string("out", "gateway.times"));
        int capacity = f.integer("capacity", 2_000_000);
        boolean spin = f.string("idle", "park").equals("spin");
        Clock clock = SystemEpochClock.instance();
        StopSignal stop = StopSignal.onStandardInput();
        AcceptClock accept = new AcceptClock(capacity);
        ArrayBlockingQueue<Runnable> tasks = new ArrayBlockingQueue<>(64);
        try (ZContext zmq = new ZContext(1);
             ZmqPublisher executions = new ZmqPublisher(zmq, new ZmqPublisher.Config().endpoint("tcp://127.0.0.1:0")
                     .venue(PaperVenue.NAME), clock)) {
            OrderGateway gateway = new OrderGateway(PipelineSetup.riskLimits(), OrderGateway.paperVenue(ExchangeConfig.defaults()),
                    new ZmqExecutionPublisher(executions), accept, OrderGateway.DEFAULT_IDEMPOTENCY_WINDOW, clock.nanos());
            SymbolTable symbols = new SymbolTable();
            symbols.add(PipelineSetup.BTC);
            try (ZmqGatewayTransport orders = new ZmqGatewayTransport(zmq, "tcp://127.0.0.1:0", gateway,
                    ZmqGatewayTransport.DEFAULT_BATCH);
                 ZmqMarketDataAdapter market = new ZmqMarketDataAdapter(new ZmqSubscriber(zmq, new ZmqSubscriber.Config()
                         .connect(marketData).subscribe(Topics.marketData(PipelineSetup.VENUE, PipelineSetup.BTC.symbol(),
                                 MarketDataKind.TRADE))), new MarketDataDecoder(symbols), gateway::onMarketData);
                 GatewayStateEndpoint state = GatewayStateEndpoint.start(zmq, "tcp://127.0.0.1:0",
                         (strategy, requestId) -> snapshotLater(tasks, gateway, strategy, requestId))) {
                System.out.println("READY orders=" + orders.endpoint() + " executions=" + executions.endpoint() + " state="
                        + state.endpoint());
                System.out.flush();
                while (!stop.raised()) {
                    int work = market.doWork();
                    work += orders.doWork(clock.nanos());
                    for (Runnable t; (t = tasks.poll()) != null; ) {
                        t.run();
                        work++;
                    }
                    if (work == 0) {
                        if (spin) {
                            Thread.onSpinWait();
                        } else {
                            LockSupport.parkNanos(1_000);
                        }
                    }
                }
                TimesFile.write(out, accept.received(), accept.acceptedNanos());
                System.out.println("DONE received=" + accept.received() + " fills=" + gateway.fills() + " rejected="
                        + accept.rejections() + " malformed-md=" + market.decoder().count(
                        io.ttquant.transport.codec.DecodeOutcome.MALFORMED));
                System.out.flush();
            }
        }
    }

    /** Queues the snapshot for the gateway thread (the state endpoint's thread must never read the gateway). */
    private static CompletableFuture<StateSnapshot> snapshotLater(ArrayBlockingQueue<Runnable> tasks, OrderGateway gateway,
                                                                  String strategy, long requestId) {
        CompletableFuture<StateSnapshot> answer = new CompletableFuture<>();
        if (!tasks.offer(() -> answer.complete(GatewayStateQuery.snapshot(gateway, strategy, requestId,
                List.of(PipelineSetup.BTC))))) {
            answer.completeExceptionally(new IllegalStateException("the gateway's task queue is full"));
        }
        return answer;
    }
}
