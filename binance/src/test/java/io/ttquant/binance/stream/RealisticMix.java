package io.ttquant.binance.stream;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Generates combined-stream messages in the proportions of a real BTCUSDT feed (68 % bookTicker,
 * 24 % trades, a third of them aggTrade, 8 % depth diffs of 5 to 25 levels a side) and in the exact
 * byte layout of the spot captures: 8-decimal price and quantity strings, ids and times as the
 * exchange writes them. Deterministic for a seed.
 */
final class RealisticMix {
    private final Random random;
    private final String symbol;
    private final String stream;
    private long mid = 6_000_000;
    private long updateId = 50_093_239_212L;
    private long tradeId = 3_735_683_259L;
    private long aggId = 665_076_760L;
    private long time = 1_723_161_255_342L;

    RealisticMix(String symbol, long seed) {
        this.random = new Random(seed);
        this.symbol = symbol;
        this.stream = symbol.toLowerCase(java.util.Locale.ROOT);
    }

    byte[] next() {
        double p = random.nextDouble();
        mid += random.nextInt(3) - 1;
        time += random.nextInt(40);
        StringBuilder m = new StringBuilder(1024);
        if (p < 0.68) {
            m.append("{\"stream\":\"").append(stream).append("@bookTicker\",\"data\":{\"u\":").append(++updateId)
                    .append(",\"s\":\"").append(symbol).append("\",\"b\":\"").append(price(mid)).append("\",\"B\":\"")
                    .append(qty()).append("\",\"a\":\"").append(price(mid + 1)).append("\",\"A\":\"").append(qty()).append("\"}}");
        } else if (p < 0.76) {
            long first = ++tradeId;
            tradeId += random.nextInt(3);
            m.append("{\"stream\":\"").append(stream).append("@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":").append(time + 1)
                    .append(",\"s\":\"").append(symbol).append("\",\"a\":").append(++aggId).append(",\"p\":\"")
                    .append(price(mid + random.nextInt(2))).append("\",\"q\":\"").append(qty()).append("\",\"f\":").append(first)
                    .append(",\"l\":").append(tradeId).append(",\"T\":").append(time).append(",\"m\":").append(random.nextBoolean())
                    .append(",\"M\":true}}");
        } else if (p < 0.92) {
            m.append("{\"stream\":\"").append(stream).append("@trade\",\"data\":{\"e\":\"trade\",\"E\":").append(time + 1)
                    .append(",\"s\":\"").append(symbol).append("\",\"t\":").append(++tradeId).append(",\"p\":\"")
                    .append(price(mid + random.nextInt(2))).append("\",\"q\":\"").append(qty()).append("\",\"T\":").append(time)
                    .append(",\"m\":").append(random.nextBoolean()).append(",\"M\":true}}");
        } else {
            long first = updateId + 1;
            updateId += 1 + random.nextInt(50);
            m.append("{\"stream\":\"").append(stream).append("@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":").append(time)
                    .append(",\"s\":\"").append(symbol).append("\",\"U\":").append(first).append(",\"u\":").append(updateId)
                    .append(",\"b\":[");
            levels(m, mid, -1);
            m.append("],\"a\":[");
            levels(m, mid + 1, 1);
            m.append("]}}");
        }
        return m.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private void levels(StringBuilder m, long from, int direction) {
        int n = 5 + random.nextInt(21);
        for (int k = 0; k < n; k++) {
            m.append(k == 0 ? "" : ",").append("[\"").append(price(from + direction * random.nextInt(150))).append("\",\"")
                    .append(random.nextInt(5) == 0 ? "0.00000000" : qty()).append("\"]");
        }
    }

    private static String price(long cents) {
        return cents / 100 + "." + String.format("%02d", cents % 100) + "000000";
    }

    private String qty() {
        int units = 1 + random.nextInt(300_000);
        return units / 100_000 + "." + String.format("%05d", units % 100_000) + "000";
    }
}
