package io.ttquant.binance.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ApiCredentials}: the three sources, one-line refusals, and a secret that never shows. */
class ApiCredentialsTest {
    private static final String KEY = "k3yABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvw";
    private static final String SECRET = "s3cretZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvutsrqponmlkjihg";

    @TempDir
    Path dir;

    private static void signsLike(ApiCredentials c) {
        String expected = new RequestSigner(ApiCredentials.of(KEY, SECRET)).signature("a=1&timestamp=2");
        assertThat(c.apiKey()).isEqualTo(KEY);
        assertThat(new RequestSigner(c).signature("a=1&timestamp=2")).isEqualTo(expected);
    }

    @Test
    void shouldReadKeyAndSecretFromTheEnvironment() {
        signsLike(ApiCredentials.fromEnvironment(Map.of("BINANCE_API_KEY", KEY, "BINANCE_API_SECRET", " " + SECRET + "\n")));
    }

    @Test
    void shouldRefuseMissingEnvironmentVariablesWithAOneLineReason() {
        assertThatThrownBy(() -> ApiCredentials.fromEnvironment(Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no Binance API credentials: set BINANCE_API_KEY and BINANCE_API_SECRET or give a credentials file");
        assertThatThrownBy(() -> ApiCredentials.fromEnvironment(Map.of("BINANCE_API_KEY", KEY)))
                .hasMessage("BINANCE_API_SECRET is not set (BINANCE_API_KEY is)");
        assertThatThrownBy(() -> ApiCredentials.fromEnvironment(Map.of("BINANCE_API_SECRET", SECRET)))
                .hasMessage("BINANCE_API_KEY is not set (BINANCE_API_SECRET is)").hasMessageNotContaining(SECRET);
    }

    @Test
    void shouldReadKeyEqualsAndSecretEqualsLines() throws Exception {
        Path f = Files.writeString(dir.resolve("binance.cred"), "# live account\n\nsecret=" + SECRET + "\nkey=" + KEY + "\n");
        signsLike(ApiCredentials.fromFile(f));
    }

    @Test
    void shouldReadATwoLineFileAsKeyThenSecret() throws Exception {
        Path f = Files.writeString(dir.resolve("two-lines"), KEY + "\r\n" + SECRET + "\r\n");
        signsLike(ApiCredentials.fromFile(f));
    }

    @Test
    void shouldRefuseAMalformedOrMissingFileWithoutShowingItsContent() throws Exception {
        Path three = Files.writeString(dir.resolve("three"), KEY + "\n" + SECRET + "\nextra\n");
        assertThatThrownBy(() -> ApiCredentials.fromFile(three)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs key=... and secret=... lines").hasMessageNotContaining(SECRET).hasMessageNotContaining(KEY);
        Path onlyKey = Files.writeString(dir.resolve("only-key"), "key=" + KEY + "\n");
        assertThatThrownBy(() -> ApiCredentials.fromFile(onlyKey)).hasMessageContaining("needs key=... and secret=...");
        Path badSecret = Files.writeString(dir.resolve("bad"), "key=" + KEY + "\nsecret=has space" + SECRET + "\n");
        assertThatThrownBy(() -> ApiCredentials.fromFile(badSecret)).hasMessageContaining("API secret in")
                .hasMessageContaining("printable ASCII").hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> ApiCredentials.fromFile(dir.resolve("absent"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read the Binance credentials file").hasMessageNotContaining("\n");
    }

    @Test
    void shouldRefuseEmptyValuesGivenDirectly() {
        assertThatThrownBy(() -> ApiCredentials.of("", SECRET)).hasMessage("API key is empty");
        assertThatThrownBy(() -> ApiCredentials.of(KEY, null)).hasMessage("API secret is empty");
    }

    @Test
    void shouldNeverShowTheSecretOrTheWholeKey() {
        ApiCredentials c = ApiCredentials.of(KEY, SECRET);
        assertThat(c.toString()).doesNotContain(SECRET).doesNotContain(KEY).contains("k3yA").contains("<hidden>");
        assertThat(c.secretAppearsIn("x" + SECRET + "y")).isTrue();
        assertThat(c.secretAppearsIn(c.toString())).isFalse();
    }
}
