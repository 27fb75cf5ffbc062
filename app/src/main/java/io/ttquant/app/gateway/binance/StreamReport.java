package io.ttquant.app.gateway.binance;

import io.ttquant.binance.trading.BinanceOrderStatus;
import io.ttquant.binance.userdata.ExecutionReportEvent;
import io.ttquant.binance.userdata.ExecutionType;
import io.ttquant.binance.userdata.Utf8Text;

/**
 * The fields of one {@code executionReport} the venue acts on, copied off the user data stream's
 * reused event so they can cross to the gateway's thread. Prices and quantities raw at the
 * instrument's scales, commission raw at the cash scale; {@code orderKey} is the client id of the
 * order the report is about ({@code C} on a cancel, where {@code c} is the cancel request's id).
 */
record StreamReport(String orderKey, String symbol, long orderId, ExecutionType executionType, BinanceOrderStatus status,
                    long lastQty, long lastPrice, long cumulativeQty, long commission, String commissionAsset, long tradeId,
                    boolean maker, String rejectReason) {

    /** Copies {@code e}; called on the stream's event loop while the event is valid. */
    static StreamReport copyOf(ExecutionReportEvent e) {
        Utf8Text orig = e.origClientOrderId();
        String key = !orig.isNull() && orig.length() > 0 ? orig.toString() : e.clientOrderId().toString();
        Utf8Text asset = e.commissionAsset();
        return new StreamReport(key, e.instrument().symbol(), e.orderId(), e.executionType(), e.orderStatus(), e.lastQty(),
                e.lastPrice(), e.cumulativeQty(), e.commission(), asset.isNull() || asset.length() == 0 ? null : asset.toString(),
                e.tradeId(), e.maker(), e.rejectReason().isNull() ? "" : e.rejectReason().toString());
    }

    boolean isTrade() {
        return executionType == ExecutionType.TRADE;
    }
}
