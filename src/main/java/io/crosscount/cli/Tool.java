package io.crosscount.cli;

import io.crosscount.app.KafkaFailures;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.apache.flink.util.TimeUtils;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * How every command-line tool runs, with picocli: {@code --help} prints the usage on stdout and
 * exits 0; a usage error (an unknown option, a missing or bad value) prints one line on stderr
 * saying what was wrong and exits 2; a failure the user can fix that is not a usage error (Kafka
 * refuses or does not answer, a {@link Failure}) prints one line and exits 1. Nothing the user
 * typed gives a stack trace.
 *
 * <p>The usage names the command as the user typed it: the launcher passes it in the system
 * property {@code crosscount.command} ({@code scripts/export} in the source tree,
 * {@code crosscount-export} in the distribution).
 */
public final class Tool {
    /** The system property a launcher sets to the command's name. */
    public static final String COMMAND_PROPERTY = "crosscount.command";

    private Tool() {}

    /** A failure to report in one line (exit 1): what went wrong and what to do. */
    public static final class Failure extends RuntimeException {
        public Failure(String message) {
            super(message, null, false, false);
        }
    }

    /** The command line of {@code command}, named from the launcher, else {@code defaultName}. */
    public static CommandLine commandLine(Object command, String defaultName, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(command);
        String name = System.getProperty(COMMAND_PROPERTY, defaultName);
        String shortName = name.substring(name.lastIndexOf('/') + 1);
        cli.setCommandName(name);
        cli.setUsageHelpAutoWidth(true);
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setParameterExceptionHandler((e, args) -> {
            err.println(shortName + ": " + firstLine(e.getMessage()) + " (" + name + " --help)");
            return CommandLine.ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            String message = e instanceof Failure ? e.getMessage() : KafkaFailures.describe(e);
            if (message == null) {
                throw e;
            }
            err.println(shortName + ": " + message);
            return CommandLine.ExitCode.SOFTWARE;
        });
        return cli;
    }

    /** Runs {@code command} with {@code args} and exits with its status. */
    public static void main(Object command, String defaultName, String[] args) {
        System.exit(commandLine(command, defaultName, System.out, System.err).execute(args));
    }

    /**
     * Parses {@code args} into {@code command}'s fields, for a caller that runs the command itself
     * (tests). Throws picocli's {@link ParameterException} on a usage error.
     */
    public static <T> T parse(T command, String[] args) {
        new CommandLine(command).parseArgs(args);
        return command;
    }

    /** A usage error found after parsing (a value that does not fit another): exit 2 with the message. */
    public static ParameterException usageError(CommandLine commandLine, String message) {
        return new ParameterException(commandLine, message);
    }

    /** {@code --version}: the version the jar's manifest names (the Maven project's). */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Tool.class.getPackage().getImplementationVersion();
            return new String[] {"Crosscount " + (version == null ? "(development build)" : version)};
        }
    }

    /** An ISO-8601 time with its offset ({@code 2024-01-26T00:00:00Z}). */
    public static final class IsoInstant implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a time; write an ISO-8601 time "
                        + "with its offset, e.g. 2024-01-26T00:00:00Z");
            }
        }
    }

    /** An ISO-8601 time with its offset, as epoch milliseconds. */
    public static final class EpochMillis implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return new IsoInstant().convert(value).toEpochMilli();
        }
    }

    /** A duration as Flink writes them ({@code 2 s}, {@code 500 ms}, {@code 1 d}). */
    public static final class FlinkDuration implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return TimeUtils.parseDuration(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a duration; write e.g. '2 s', "
                        + "'500 ms' or '1 d'");
            }
        }
    }

    static String firstLine(String message) {
        String line = message == null ? "" : message.lines().findFirst().orElse("").strip();
        return line.startsWith("Error: ") ? line.substring("Error: ".length()) : line;
    }
}
