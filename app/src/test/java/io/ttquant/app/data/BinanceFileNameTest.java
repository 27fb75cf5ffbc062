package io.ttquant.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.data.FileFormat;
import org.junit.jupiter.api.Test;

class BinanceFileNameTest {
    private static final long MINUTE = 60_000_000_000L;

    @Test
    void shouldReadSymbolAndIntervalOfADailyKlineFile() {
        assertThat(BinanceFileName.parse("BTCUSDT-1m-2024-01-01.zip"))
                .isEqualTo(new BinanceFileName("BTCUSDT", FileFormat.BINANCE_KLINE, MINUTE));
        assertThat(BinanceFileName.parse("ETHBTC-4h-2024-01.zip"))
                .isEqualTo(new BinanceFileName("ETHBTC", FileFormat.BINANCE_KLINE, 240 * MINUTE));
        assertThat(BinanceFileName.parse("BTCUSDT-1m-spot-2021-04-20_2021-05-20.csv.gz"))
                .isEqualTo(new BinanceFileName("BTCUSDT", FileFormat.BINANCE_KLINE, MINUTE));
    }

    @Test
    void shouldTellTradesFromAggTrades() {
        assertThat(BinanceFileName.parse("BTCUSDT-trades-2024-01-01.zip").format()).isEqualTo(FileFormat.BINANCE_TRADES);
        assertThat(BinanceFileName.parse("BTCUSDT-aggTrades-2024-01-01.zip").format()).isEqualTo(FileFormat.BINANCE_AGGTRADES);
        assertThat(BinanceFileName.parse("BTCUSDT-trades-spot-20240808T2354Z-20240809T0005Z.csv"))
                .isEqualTo(new BinanceFileName("BTCUSDT", FileFormat.BINANCE_TRADES, 0));
    }

    @Test
    void shouldLeaveTheIntervalOfMonthlyKlinesOpen() {
        assertThat(BinanceFileName.parse("BTCUSDT-1M-2024.zip"))
                .isEqualTo(new BinanceFileName("BTCUSDT", FileFormat.BINANCE_KLINE, 0));
    }

    @Test
    void shouldSayNothingAboutOtherNames() {
        assertThat(BinanceFileName.parse("history.csv")).isEqualTo(new BinanceFileName(null, null, 0));
        assertThat(BinanceFileName.parse("2024-01-01.csv")).isEqualTo(new BinanceFileName(null, null, 0));
        assertThat(BinanceFileName.parse("btcusdt-trades.csv")).isEqualTo(new BinanceFileName(null, null, 0));
        assertThat(BinanceFileName.parse("BTCUSDT-quotes-2024.csv")).isEqualTo(new BinanceFileName("BTCUSDT", null, 0));
    }
}
