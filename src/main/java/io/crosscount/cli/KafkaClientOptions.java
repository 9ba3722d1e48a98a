package io.crosscount.cli;

import io.crosscount.app.CommandConfig;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The Kafka connection options the tools share (a picocli mixin): the bootstrap servers and the
 * {@code --command-config} file of client properties, as in Kafka's own tools.
 */
final class KafkaClientOptions {
    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (or bootstrap.servers in the --command-config file)")
    String bootstrapServers;

    @Option(names = CommandConfig.OPTION, paramLabel = "FILE",
            description = "Kafka client properties (security.protocol, sasl.*, ssl.*...)")
    Path commandConfig;

    /** The file's client properties (none without one); fails now, in one line, if no bootstrap server is given. */
    Map<String, String> clientProperties() {
        Map<String, String> client = commandConfig == null ? Map.of() : CommandConfig.read(commandConfig);
        CommandConfig.clientProperties(client, bootstrapServers);
        return client;
    }
}
