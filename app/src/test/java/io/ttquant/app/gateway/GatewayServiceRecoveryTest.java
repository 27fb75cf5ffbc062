package io.ttquant.app.gateway;

import static io.ttquant.app.gateway.GatewayServiceFixture.limit;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.order.RejectReason;
import io.ttquant.core.order.Side;
import io.ttquant.transport.proto.ExecutionReport;
import io.ttquant.transport.proto.OrderStatus;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service's side of recovery, over real sockets: a restart on the same journal answers a
 * client order id from before it and reports itself ready; a corrupt journal leaves the service
 * running but refusing every new order, and {@code /admin/status} and {@code ttquant_gateway_ready}
 * say why.
 */
class GatewayServiceRecoveryTest {
    @TempDir
    Path dir;

    @Test
    void shouldAnswerAClientOrderIdFromBeforeARestartAndReportReady() throws Exception {
        long orderId;
        try (GatewayServiceFixture f = new GatewayServiceFixture(dir)) {
            f.awaitMarketData("30000.00", "30001.00");
            orderId = f.sendUntilReported(limit(f.btc, "alpha", "keep1", Side.BUY, "29000.00", "0.001")).getOrderId();
        }
        try (GatewayServiceFixture f = new GatewayServiceFixture(dir)) {
            ExecutionReport answer = f.sendUntilReported(limit(f.btc, "alpha", "keep1", Side.BUY, "29000.00", "0.001"));
            assertThat(answer.getOrderId()).isEqualTo(orderId);
            assertThat(answer.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_CANCELED); // the paper venue's book did not survive
            GatewayStatus status = f.service.status().get(10, TimeUnit.SECONDS);
            assertThat(status.ready()).isTrue();
            assertThat(status.notReadyReason()).isNull();
            assertThat(status.journal()).contains("journal").contains("sync every record");
            assertThat(GatewayServiceFixture.metric(f.scrape(), "ttquant_gateway_ready")).isEqualTo(1.0);
            assertThat(GatewayServiceFixture.metric(f.scrape(), "ttquant_gateway_journal_syncs_total")).isPositive();
        }
    }

    @Test
    void shouldRefuseEveryOrderAndSayWhyWhenTheJournalIsCorrupt() throws Exception {
        try (GatewayServiceFixture f = new GatewayServiceFixture(dir)) {
            f.awaitMarketData("30000.00", "30001.00");
            f.sendUntilReported(limit(f.btc, "alpha", "o1", Side.BUY, "29000.00", "0.001"));
            f.sendUntilReported(limit(f.btc, "alpha", "o2", Side.BUY, "29001.00", "0.001"));
        }
        Path segment;
        try (Stream<Path> files = Files.list(dir.resolve("journal"))) {
            segment = files.filter(p -> p.toString().endsWith(".seg")).findFirst().orElseThrow();
        }
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {0x55, 0x55}), 32 + 12); // inside the first record, not the torn tail
        }

        try (GatewayServiceFixture f = new GatewayServiceFixture(dir)) {
            f.awaitMarketData("30000.00", "30001.00");
            ExecutionReport refused = f.sendUntilReported(limit(f.btc, "alpha", "n1", Side.BUY, "29000.00", "0.001"));
            assertThat(refused.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_REJECTED);
            assertThat(refused.getRejectCode()).isEqualTo(RejectReason.GATEWAY_NOT_READY.code());
            GatewayStatus status = f.service.status().get(10, TimeUnit.SECONDS);
            assertThat(status.ready()).isFalse();
            assertThat(status.notReadyReason()).contains("cannot recover from the order journal").contains("corrupt");
            assertThat(status.toJson()).contains("\"ready\" : false").contains("corrupt");
            assertThat(GatewayServiceFixture.metric(f.scrape(), "ttquant_gateway_ready")).isZero();
        }
    }
}
