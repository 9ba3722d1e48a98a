package io.crosscount.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosscount.app.JobConfig;
import org.junit.jupiter.api.Test;

class ReplayCliTest {

    private static ReplayCli.Request parse(String... options) {
        String[] args = new String[options.length + 4];
        args[0] = "--bootstrap-servers";
        args[1] = "b:9092";
        args[2] = "--name";
        args[3] = "audit";
        System.arraycopy(options, 0, args, 4, options.length);
        return ReplayCli.parse(args);
    }

    @Test
    void writesTopicsOfItsOwnUnderThePrefix() {
        JobConfig job = parse("--output-prefix", "rebuilt-").job();
        assertThat(job.extractionsTopic()).isEqualTo("rebuilt-extractions");
        assertThat(job.aggregatesTopic()).isEqualTo("rebuilt-aggregates");
        assertThat(job.discrepanciesTopic()).isEqualTo("rebuilt-discrepancies");
        assertThat(job.deadLettersTopic()).isEqualTo("rebuilt-dead-letters");
        assertThat(job.groupId()).isEqualTo("crosscount-audit");
        assertThat(job.transactionalIdPrefix()).startsWith("crosscount-audit-");
    }

    @Test
    void refusesAnEmptyPrefix() {
        assertThatThrownBy(() -> parse("--output-prefix", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--output-prefix is empty: the replay would write the live topics extractions, aggregates, "
                        + "discrepancies, dead-letters. Give a prefix of its own, e.g. --output-prefix rebuilt-");
    }

    @Test
    void refusesAPrefixThatNamesTheTopicItReads() {
        assertThatThrownBy(() -> parse("--topic", "old-extractions", "--output-prefix", "old-"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the replay would write old-extractions, a live topic (live topics: articles, "
                        + "extractions, aggregates, discrepancies, dead-letters, old-extractions)");
    }

    @Test
    void refusesAnOutputTopicGivenWithTheNameOfALiveOne() {
        assertThatThrownBy(() -> parse("--output-prefix", "rebuilt-", "--discrepancies-topic", "discrepancies"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the replay would write discrepancies, a live topic");
        assertThatThrownBy(() -> parse("--output-prefix", "rebuilt-", "--dead-letters-topic", "articles"))
                .hasMessageStartingWith("the replay would write articles, a live topic");
    }

    @Test
    void writingFilesNeedsNoPrefix() {
        assertThat(parse("--out", "target/replay").outputPrefix()).isNull();
    }

    @Test
    void writesTheStoreIntoASchemaOfItsOwnAndRefusesTheLiveOne() {
        JobConfig job = parse("--output-prefix", "rebuilt-", "--postgres-url", "jdbc:postgresql://db:5432/crosscount").job();
        assertThat(job.postgres().schema()).isEqualTo("replay_audit");
        assertThat(parse("--output-prefix", "rebuilt-").job().postgres()).isNull();
        assertThatThrownBy(() -> parse("--output-prefix", "rebuilt-", "--postgres-url",
                "jdbc:postgresql://db:5432/crosscount", "--postgres-schema", "crosscount"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the replay would write the live PostgreSQL schema crosscount");
    }
}
