package io.crosscount.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same seed gives byte-identical output, in another JVM too: the benchmarks cache and compare
 * generated archives by their parameters. Each run is a JVM of its own because what broke this
 * before (iterating a {@code Map.of}, whose order changes with every JVM) looks deterministic
 * within one.
 */
class GenerateArticlesDeterminismTest {
    @TempDir
    Path dir;

    @Test
    void theSameSeedGivesTheSameBytesInTwoJvms() throws Exception {
        for (List<String> options : List.of(List.of("--arabic"), List.of("--arabic", "--keys", "12"))) {
            byte[] first = generate("first", options, "5");
            byte[] second = generate("second", options, "5");
            assertThat(first).as("%s", options).isNotEmpty().isEqualTo(second);
            assertThat(generate("other", options, "6")).as("another seed, %s", options).isNotEqualTo(first);
        }
    }

    /** {@code scripts/generate-articles 600 --seed SEED --body-chars 800 OPTIONS} in a new JVM. */
    private byte[] generate(String name, List<String> options, String seed) throws IOException, InterruptedException {
        Path out = dir.resolve(name + ".jsonl");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), GenerateArticles.class.getName(),
                "600", "--days", "3", "--seed", seed, "--body-chars", "800"));
        command.addAll(options);
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("generator finished").isTrue();
        assertThat(p.exitValue()).as("exit status of %s", command).isZero();
        return Files.readAllBytes(out);
    }
}
