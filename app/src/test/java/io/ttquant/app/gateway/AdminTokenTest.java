package io.ttquant.app.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AdminTokenTest {
    private final AdminToken token = AdminToken.of("  correct-horse-battery-staple\n", "TTQUANT_ADMIN_TOKEN");

    @Test
    void shouldMatchOnlyTheExactTokenIgnoringSurroundingWhiteSpace() {
        assertThat(token.matches("correct-horse-battery-staple")).isTrue();
        assertThat(token.matches(" correct-horse-battery-staple ")).isTrue();
        assertThat(token.matches("correct-horse-battery-stapl")).isFalse();
        assertThat(token.matches("correct-horse-battery-staple!")).isFalse();
        assertThat(token.matches("Correct-horse-battery-staple")).isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.matches(null)).isFalse();
    }

    @Test
    void shouldNeverShowTheTokenAndRefuseWeakOnesWithoutQuotingThem() {
        assertThat(token.toString()).doesNotContain("horse").contains("redacted").contains("TTQUANT_ADMIN_TOKEN");
        assertThatThrownBy(() -> AdminToken.of("short-secret", "TTQUANT_ADMIN_TOKEN"))
                .hasMessage("TTQUANT_ADMIN_TOKEN: the admin token must be at least 16 characters");
        assertThatThrownBy(() -> AdminToken.of("has a space in the middle", "--admin-token-file"))
                .hasMessage("--admin-token-file: the admin token must not contain white space or control characters");
    }
}
