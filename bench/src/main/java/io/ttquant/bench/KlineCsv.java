package io.ttquant.bench;

import io.ttquant.core.data.MarketDataSource;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import java.io.IOException;
import java.io.Writer;

/** Writes bars as a Binance public-data kline CSV (12 columns, no header, times in ms). */
final class KlineCsv {
    private KlineCsv() {
    }

    static void write(MarketDataSource source, Instrument ins, Writer w) throws IOException {
        StringBuilder sb = new StringBuilder(160);
        while (source.advance()) {
            Bar b = (Bar) source.current();
            long open = b.openTimeNanos() / 1_000_000;
            long close = open + b.intervalNanos() / 1_000_000 - 1;
            sb.setLength(0);
            sb.append(open).append(',').append(ins.formatPrice(b.open())).append(',').append(ins.formatPrice(b.high()))
                    .append(',').append(ins.formatPrice(b.low())).append(',').append(ins.formatPrice(b.close()))
                    .append(',').append(ins.formatQty(b.volume())).append(',').append(close)
                    .append(",0,100,0,0,0\n");
            w.append(sb);
        }
    }
}
