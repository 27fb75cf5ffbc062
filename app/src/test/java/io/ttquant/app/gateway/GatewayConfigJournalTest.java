package io.ttquant.app.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal settings: a default directory, a relative one taken from the file's folder, sync modes checked once. */
class GatewayConfigJournalTest {
    @TempDir
    Path dir;

    @Test
    void shouldJournalEveryRecordInTheDefaultDirectoryUnlessConfigured() {
        GatewayConfig c = GatewayConfig.builder().strategy("--strategy", "alpha").build();
        assertThat(c.journalDir()).isEqualTo(Path.of(GatewayConfig.DEFAULT_JOURNAL_DIR));
        assertThat(c.journalSync().syncsEveryRecord()).isTrue();
        assertThat(GatewayConfig.builder().strategy("--strategy", "alpha").noJournal().build().journalDir()).isNull();
    }

    @Test
    void shouldReadTheJournalSectionWithARelativeDirectoryFromTheFilesFolder() throws Exception {
        Path yaml = dir.resolve("gateway.yaml");
        Files.writeString(yaml, "strategies: [alpha]\njournal: {dir: data/j, sync: group-commit, group-commit-records: 32, "
                + "group-commit-us: 500}\n");
        GatewayConfig.Builder b = GatewayConfig.builder();
        GatewayConfigFile.read(yaml, b);
        GatewayConfig c = b.build();
        assertThat(c.journalDir()).isEqualTo(dir.toAbsolutePath().resolve("data/j"));
        assertThat(c.journalSync().toString()).isEqualTo("group commit (32 records / 500 us)");
        assertThat(c.journalDescription()).contains("data/j").contains("group commit");
    }

    @Test
    void shouldRefuseBadJournalSettingsNamingTheKey() throws Exception {
        Path yaml = dir.resolve("gateway.yaml");
        Files.writeString(yaml, "strategies: [alpha]\njournal: {sync: sometimes}\n");
        assertThatThrownBy(() -> GatewayConfigFile.read(yaml, GatewayConfig.builder()))
                .hasMessageContaining("journal.sync: must be every-record or group-commit");
        Files.writeString(yaml, "strategies: [alpha]\njournal: {fsync: always}\n");
        assertThatThrownBy(() -> GatewayConfigFile.read(yaml, GatewayConfig.builder())).hasMessageContaining("journal.fsync");
        assertThatThrownBy(() -> GatewayConfig.builder().journalGroupCommitRecords("--x", "0"))
                .hasMessageContaining("--x: must be 1..100000 records");
    }
}
