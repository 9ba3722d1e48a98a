package io.crosscount.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution {@code mvn package} builds (target/crosscount-&lt;version&gt;-dist.tar.gz), unpacked
 * as a user would, away from the source tree: every command in bin/ prints its usage on stdout
 * with exit 0 for --help, and a bad invocation gives one line on stderr saying what was wrong,
 * with exit 2 and no stack trace. The commands run with Java alone: a {@code mvn} first on the
 * PATH records any call, and none may come. Two commands run for real on the bundled samples
 * (extract; reconcile, which runs the pipeline in a local Flink runtime from lib/flink).
 */
class DistributionIT {
    /** Each command of bin/ and one bad invocation: its arguments and what its one line must say. */
    private static final Map<String, BadCall> BAD_CALLS = new TreeMap<>(Map.of(
            "crosscount-extract", new BadCall(List.of("--extraction-budget", "forever"), "'forever' is not a duration"),
            "crosscount-reconcile", new BadCall(List.of("samples/articles.jsonl"), "Missing required option: '--out=DIR'"),
            "crosscount-replay", new BadCall(List.of("--bootstrap-servers", "127.0.0.1:9", "--out", "out", "--from",
                    "yesterday"), "--from is 'yesterday'; use earliest, an ISO-8601 timestamp"),
            "crosscount-export", new BadCall(List.of("--bootstrap-servers", "127.0.0.1:9", "--topic", "t", "--from",
                    "yesterday"), "Invalid value for option '--from': 'yesterday' is not a time"),
            "crosscount-load-archive", new BadCall(List.of("--bootstrap-servers", "127.0.0.1:9", "--rate", "0",
                    "samples/articles.jsonl"), "Invalid value for option '--rate': '0' is not a rate"),
            "crosscount-discrepancies", new BadCall(List.of("--format", "xml"), "Invalid value for option '--format'"),
            "crosscount-watch", new BadCall(List.of("--discrepancies-topic"),
                    "Missing required parameter for option '--discrepancies-topic'"),
            "crosscount-generate-articles", new BadCall(List.of("many"), "'many' is not an int"),
            "crosscount-deploy", new BadCall(List.of("--rest", "http://127.0.0.1:9", "--list"),
                    "--list is a mode and comes first")));

    private record BadCall(List<String> args, String says) {}

    private record Run(int status, String out, String err) {}

    @TempDir
    static Path dir;

    private static Path home;
    private static Path mavenCalls;

    @BeforeAll
    static void unpack() throws Exception {
        List<Path> tarballs;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            tarballs = files.filter(p -> p.getFileName().toString().matches("crosscount-.*-dist\\.tar\\.gz")).toList();
        }
        assertThat(tarballs).as("the distribution mvn package builds in target/").hasSize(1);
        Path unpacked = Files.createDirectory(dir.resolve("unpacked"));
        Process tar = new ProcessBuilder("tar", "-xzf", tarballs.get(0).toAbsolutePath().toString())
                .directory(unpacked.toFile()).inheritIO().start();
        assertThat(tar.waitFor(120, TimeUnit.SECONDS) && tar.exitValue() == 0).as("tar -xzf").isTrue();
        try (Stream<Path> entries = Files.list(unpacked)) {
            home = entries.findFirst().orElseThrow();
        }
        assertThat(home.getFileName().toString()).startsWith("crosscount-");
        // A mvn that records its calls: the commands must never need one.
        Path fakeBin = Files.createDirectory(dir.resolve("fake-bin"));
        mavenCalls = dir.resolve("mvn-calls");
        Path mvn = fakeBin.resolve("mvn");
        Files.writeString(mvn, "#!/bin/sh\necho \"$@\" >> '" + mavenCalls + "'\nexit 1\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static Run run(String command, List<String> args) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(home.resolve("bin").resolve(command).toString()));
        line.addAll(args);
        Path out = Files.createTempFile(dir, command, ".out");
        Path err = Files.createTempFile(dir, command, ".err");
        ProcessBuilder builder = new ProcessBuilder(line).directory(home.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("PATH", dir.resolve("fake-bin") + ":" + System.getenv("PATH"));
        Process process = builder.start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as(command + " " + args + " ends").isTrue();
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void binHoldsTheCommandsAndNoSourceTreeOrMaven() throws IOException {
        try (Stream<Path> bin = Files.list(home.resolve("bin"))) {
            assertThat(bin.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(BAD_CALLS.keySet());
        }
        assertThat(home.resolve("pom.xml")).doesNotExist();
        assertThat(home.resolve("src")).doesNotExist();
        assertThat(home.resolve("flink-conf/config.yaml")).isRegularFile();
        try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
            assertThat(lib.map(p -> p.getFileName().toString()))
                    .anyMatch(name -> name.matches("crosscount-.*\\.jar"));
        }
    }

    @Test
    void everyCommandPrintsItsUsageOnStdoutForHelp() throws Exception {
        for (String command : BAD_CALLS.keySet()) {
            Run help = run(command, List.of("--help"));

            assertThat(help.status()).as(command + " --help exit status; stderr: " + help.err()).isZero();
            assertThat(help.err()).as(command + " --help stderr").isEmpty();
            assertThat(help.out()).as(command + " --help stdout").containsIgnoringCase("usage: " + command + " ");
        }
        assertThat(mavenCalls).as("calls to mvn").doesNotExist();
    }

    @Test
    void aBadInvocationGivesOneLineSayingWhatWasWrongAndExitTwo() throws Exception {
        for (Map.Entry<String, BadCall> bad : BAD_CALLS.entrySet()) {
            String command = bad.getKey();
            Run run = run(command, bad.getValue().args());

            assertThat(run.status()).as(command + " " + bad.getValue().args() + " exit status; stderr: " + run.err())
                    .isEqualTo(2);
            assertThat(run.out()).as(command + " stdout").isEmpty();
            assertThat(run.err().lines().toList()).as(command + " stderr").singleElement().asString()
                    .startsWith(command + ": ")
                    .contains(bad.getValue().says())
                    .endsWith("(" + command + " --help)")
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }
        assertThat(mavenCalls).as("calls to mvn").doesNotExist();
    }

    @Test
    void extractAndReconcileRunOnTheSamplesWithJavaAlone() throws Exception {
        Run extract = run("crosscount-extract", List.of("samples/seed-article-fr.json"));
        assertThat(extract.status()).as("extract; stderr: " + extract.err()).isZero();
        assertThat(extract.out()).contains(
                "\"metric\":\"killed\",\"subject\":\"palestinians\",\"group\":null,\"location\":\"gaza\",\"value\":26000");

        Path out = dir.resolve("reconciled");
        Run reconcile = run("crosscount-reconcile", List.of("samples/articles.jsonl", "--out", out.toString()));
        assertThat(reconcile.status()).as("reconcile; stderr: " + reconcile.err()).isZero();
        assertThat(reconcile.out()).contains(out.resolve("discrepancies.jsonl") + ": ");
        assertThat(Files.readAllLines(out.resolve("discrepancies.jsonl"))).isNotEmpty()
                .allSatisfy(l -> assertThat(l).startsWith("{").contains("\"kind\""));
        assertThat(mavenCalls).as("calls to mvn").doesNotExist();
    }
}
