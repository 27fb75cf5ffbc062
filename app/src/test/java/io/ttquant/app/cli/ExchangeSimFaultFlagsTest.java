package io.ttquant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code exchange-sim}'s fault flags are checked before the simulator starts. */
class ExchangeSimFaultFlagsTest {

    private static Cli.Result run(String... faultArgs) {
        String[] args = new String[4 + faultArgs.length];
        args[0] = "exchange-sim";
        args[1] = "--port=0";
        args[2] = "--api-secret=secret";
        args[3] = "--flow=0";
        System.arraycopy(faultArgs, 0, args, 4, faultArgs.length);
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Cli.run(args));
    }

    @Test
    void shouldRefuseAnOutOfRangeFaultSetting() {
        Cli.Result r = run("--fault", "dropFraction=2");
        assertThat(r.exitCode()).as(r.toString()).isNotZero();
        assertThat(r.err()).contains("dropFraction");
    }

    @Test
    void shouldRefuseARestFaultWithoutSeconds() {
        Cli.Result r = run("--rest-fault", "503");
        assertThat(r.exitCode()).as(r.toString()).isNotZero();
        assertThat(r.err()).contains("--rest-fault must be STATUS:SECONDS");
    }

    @Test
    void shouldRefuseAFaultSettingGivenTwice() {
        Cli.Result r = run("--clock-skew-ms", "100", "--fault", "clockSkewMs=200");
        assertThat(r.exitCode()).as(r.toString()).isNotZero();
        assertThat(r.err()).contains("clockSkewMs given twice");
    }

    @Test
    void shouldRefuseAShortAdminToken() {
        Cli.Result r = run("--admin-token", "short");
        assertThat(r.exitCode()).as(r.toString()).isNotZero();
        assertThat(r.err()).contains("adminToken");
    }
}
