package io.ttquant.core.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileFormatTest {
    @Test
    void shouldFindFormatByCommandLineNameOrConstantName() {
        assertThat(FileFormat.fromName("binance-kline")).isEqualTo(FileFormat.BINANCE_KLINE);
        assertThat(FileFormat.fromName("Binance-Trades")).isEqualTo(FileFormat.BINANCE_TRADES);
        assertThat(FileFormat.fromName("binance-aggtrades")).isEqualTo(FileFormat.BINANCE_AGGTRADES);
        assertThat(FileFormat.fromName("BINANCE_AGGTRADES")).isEqualTo(FileFormat.BINANCE_AGGTRADES);
        assertThat(FileFormat.fromName(" csv ")).isEqualTo(FileFormat.CSV);
        assertThat(FileFormat.CSV.cliName()).isEqualTo("csv");
    }

    @Test
    void shouldListValidNamesWhenNameIsUnknown() {
        assertThatThrownBy(() -> FileFormat.fromName("parquet"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown data format 'parquet'; valid formats: binance-kline, binance-trades, binance-aggtrades, csv");
    }
}
