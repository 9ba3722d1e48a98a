package io.crosscount.testutil;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;

/**
 * Everything the test JVM says while it is open: {@code System.out} and {@code System.err} (still
 * shown, and copied), and every Log4j event at INFO and above, DEBUG for Kafka's security and
 * network code, Flink's Kafka connector and Crosscount, written to a file. The console keeps
 * showing errors only, as in {@code log4j2-test.properties}. {@link #close()} puts the streams and
 * the test configuration back.
 */
public final class CapturedOutput implements AutoCloseable {
    private final Path logFile;
    private final PrintStream originalOut;
    private final PrintStream originalErr;
    private final ByteArrayOutputStream streams = new ByteArrayOutputStream();

    private CapturedOutput(Path logFile) {
        this.logFile = logFile;
        this.originalOut = System.out;
        this.originalErr = System.err;
    }

    public static CapturedOutput start(Path logFile) {
        CapturedOutput captured = new CapturedOutput(logFile);
        System.setOut(new PrintStream(captured.tee(captured.originalOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(captured.tee(captured.originalErr), true, StandardCharsets.UTF_8));
        ConfigurationBuilder<BuiltConfiguration> b = ConfigurationBuilderFactory.newConfigurationBuilder();
        b.setConfigurationName("captured");
        b.add(b.newAppender("Console", "Console").add(b.newLayout("PatternLayout")
                .addAttribute("pattern", "%d{HH:mm:ss,SSS} %-5p %c{1} - %m%n")));
        b.add(b.newAppender("Captured", "File").addAttribute("fileName", logFile.toString())
                .add(b.newLayout("PatternLayout").addAttribute("pattern", "%d %-5p [%t] %c - %m%n")));
        b.add(b.newRootLogger(Level.INFO)
                .add(b.newAppenderRef("Console").addAttribute("level", Level.ERROR))
                .add(b.newAppenderRef("Captured")));
        for (String logger : new String[] {"org.apache.kafka.common.security", "org.apache.kafka.common.network",
            "org.apache.flink.connector.kafka", "io.crosscount"}) {
            b.add(b.newLogger(logger, Level.DEBUG));
        }
        Configurator.reconfigure(b.build());
        return captured;
    }

    /** What went to stdout and stderr so far. */
    public String streams() {
        synchronized (streams) {
            return streams.toString(StandardCharsets.UTF_8);
        }
    }

    /** The log file so far. */
    public String log() {
        try {
            return Files.readString(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        // Reads the test configuration (log4j2-test.properties) again.
        Configurator.reconfigure();
    }

    private OutputStream tee(PrintStream original) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (streams) {
                    streams.write(b);
                }
            }

            @Override
            public void write(byte[] bytes, int off, int len) {
                original.write(bytes, off, len);
                synchronized (streams) {
                    streams.write(bytes, off, len);
                }
            }

            @Override
            public void flush() {
                original.flush();
            }
        };
    }
}
