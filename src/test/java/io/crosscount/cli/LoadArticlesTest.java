package io.crosscount.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** load-archive's failures that need no broker; sending is tested in LoadArticlesIT. */
class LoadArticlesTest {

    @TempDir
    Path dir;

    @Test
    void aFileThatCannotBeReadFailsTheLoadBeforeAnythingIsSent() {
        Path missing = dir.resolve("missing.jsonl");
        LoadArticles.LoadFailedException failure = catchThrowableOfType(LoadArticles.LoadFailedException.class,
                () -> LoadArticles.load(LoadArticles.parse(new String[] {"--bootstrap-servers", "127.0.0.1:1",
                    "--temp-dir", dir.toString(), missing.toString()}), 1 << 20));
        assertThat(failure.sent()).isZero();
        assertThat(failure.acknowledged()).isZero();
        assertThat(failure.getMessage()).isEqualTo("could not read or sort the input (NoSuchFileException: " + missing
                + "); nothing was sent. Check the files, and that --temp-dir " + dir
                + " has room for a copy of the archive.");
    }

    @Test
    void usageErrorsSayWhatIsMissing() {
        assertThatThrownBy(() -> LoadArticles.parse(new String[] {"--bootstrap-servers", "b:9092"}))
                .hasMessage("Missing required parameter: 'FILE'");
        assertThatThrownBy(() -> LoadArticles.parse(new String[] {"archive.jsonl"}))
                .hasMessageStartingWith("--bootstrap-servers is required");
        assertThatThrownBy(() -> LoadArticles.parse(new String[] {"--bootstrap-servers", "b:9092", "--topics", "t", "f"}))
                .hasMessage("Unknown option: '--topics'");
        assertThatThrownBy(() -> LoadArticles.parse(new String[] {"f", "--topic"}))
                .hasMessageStartingWith("Missing required parameter for option '--topic'");
        assertThatThrownBy(() -> LoadArticles.parse(new String[] {"--bootstrap-servers", "b:9092", "--rate", "0", "f"}))
                .hasMessage("Invalid value for option '--rate': '0' is not a rate; give a number of records a second above 0");
    }

    @Test
    void rateIsRecordsASecondAndUnlimitedByDefault() {
        assertThat(LoadArticles.parse(new String[] {"--bootstrap-servers", "b:9092", "f"}).rate()).isZero();
        assertThat(LoadArticles.parse(new String[] {"--bootstrap-servers", "b:9092", "--rate", "150", "f"}).rate())
                .isEqualTo(150.0);
    }
}
