package io.ttquant.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.ttquant.core.marketdata.MarketDataKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The YAML reading every process's config file shares: values keep the digits written, and every
 * refusal is one line naming the file and the dotted key.
 */
class YamlConfigFileTest {
    @TempDir
    Path dir;

    private YamlConfigFile file(String yaml) throws IOException {
        Path f = dir.resolve("p.yaml");
        Files.writeString(f, yaml);
        return new YamlConfigFile(f);
    }

    @Test
    void shouldKeepDecimalDigitsAsWritten() throws IOException {
        YamlConfigFile f = file("a: {fee: 0.10000000000000001}\n");
        JsonNode a = f.section(f.readRoot(), "a", "", Set.of("fee"));
        assertThat(f.scalar(a, "fee", "a.")).isEqualTo("0.10000000000000001");
    }

    @Test
    void shouldNameFileAndKeyOfAnUnknownSetting() throws IOException {
        YamlConfigFile f = file("a: {fee: 1, feez: 2}\n");
        JsonNode root = f.readRoot();
        assertThatThrownBy(() -> f.section(root, "a", "", Set.of("fee")))
                .hasMessage("p.yaml: a.feez: unknown setting (known here: fee)");
    }

    @Test
    void shouldRefuseAListWhereOneValueBelongs() throws IOException {
        YamlConfigFile f = file("fee: [1, 2]\n");
        JsonNode root = f.readRoot();
        assertThatThrownBy(() -> f.scalar(root, "fee", "")).hasMessage("p.yaml: fee: must be a single value, not a list");
    }

    @Test
    void shouldReadAListOrOneCommaSeparatedValue() throws IOException {
        YamlConfigFile f = file("a: [x, y]\nb: x, y\n");
        JsonNode root = f.readRoot();
        assertThat(f.list(root, "a", "")).containsExactly("x", "y");
        assertThat(f.list(root, "b", "")).containsExactly("x", "y");
    }

    @Test
    void shouldReadAnEmptyFileAsNoSettings() throws IOException {
        assertThat(file("").readRoot()).isNull();
    }

    @Test
    void shouldSayWhereTheYamlIsBroken() throws IOException {
        YamlConfigFile f = file("a: [1, 2\n");
        assertThatThrownBy(f::readRoot).hasMessageStartingWith("p.yaml: not valid YAML at line ");
    }

    @Test
    void shouldTakeARelativePathFromTheFilesFolder() throws IOException {
        YamlConfigFile f = file("");
        assertThat(f.besideFile(Path.of("journal"))).isEqualTo(dir.toAbsolutePath().resolve("journal"));
        assertThat(f.besideFile(dir.resolve("x").toAbsolutePath())).isEqualTo(dir.resolve("x").toAbsolutePath());
    }

    @Test
    void shouldRefuseAnUnknownMarketDataKindNamingTheKey() {
        assertThat(MarketDataSettings.kinds("k", List.of("Trade", " bar"))).containsExactlyInAnyOrder(MarketDataKind.TRADE,
                MarketDataKind.BAR);
        assertThatThrownBy(() -> MarketDataSettings.kinds("k", List.of("tick")))
                .hasMessage("k: market data kinds are trade, quote, book and bar, got 'tick'");
        assertThatThrownBy(() -> MarketDataSettings.kinds("k", List.of())).hasMessage("k: at least one market data kind is needed");
    }
}
