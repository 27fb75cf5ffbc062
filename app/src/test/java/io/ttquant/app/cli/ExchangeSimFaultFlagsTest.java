package io.ttquant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ttquant.sim.market.SimConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code exchange-sim}'s fault and replay flags are checked before the simulator starts. */
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

    @Test
    void shouldRefuseReplayLoopWithoutAReplay() {
        Cli.Result r = run("--replay-loop");
        assertThat(r.exitCode()).as(r.toString()).isNotZero();
        assertThat(r.err()).contains("--replay-loop needs --replay");
    }

    @Test
    void shouldLoopAReplayedFileWhenAsked(@TempDir Path dir) throws Exception {
        Path tape = dir.resolve("BTCUSDT-trades-2024-01-01.csv");
        Files.writeString(tape, "1,60000.00000000,0.01000000,600.00000000,1704067200000,True,True\n"
                + "2,60001.00000000,0.02000000,1200.02000000,1704067200500,False,True\n");
        ExchangeSimCommand looping = new ExchangeSimCommand();
        new CommandLine(looping).parseArgs("--replay", "BTCUSDT=" + tape, "--replay-loop");
        SimConfig config = looping.simConfig("secret");
        assertThat(config.replay("BTCUSDT").loop()).isTrue();

        ExchangeSimCommand once = new ExchangeSimCommand();
        new CommandLine(once).parseArgs("--replay", "BTCUSDT=" + tape);
        assertThat(once.simConfig("secret").replay("BTCUSDT").loop()).isFalse();
    }
}
