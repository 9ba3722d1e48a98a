package io.crosscount.app;

import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * The one-line message a tool prints, instead of a stack trace, when it cannot talk to Kafka with
 * the client properties it was given: refused credentials, a failed TLS handshake, a denied
 * operation or a broker that does not answer. The broker's own words are kept (they never contain
 * the credentials: a SCRAM password is not sent, only a proof of it); the advice names the
 * settings to check.
 */
public final class KafkaFailures {
    private KafkaFailures() {}

    /** The message for {@code failure} (or one of its causes), or null when it is not one of these. */
    public static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SaslAuthenticationException) {
                return "Kafka refused the credentials (" + t.getMessage() + "). Check sasl.mechanism and the "
                        + "username and password of sasl.jaas.config in the " + CommandConfig.OPTION + " file.";
            }
            if (t instanceof SslAuthenticationException) {
                return "the TLS handshake with Kafka failed (" + rootMessage(t) + "). Check ssl.truststore.* in the "
                        + CommandConfig.OPTION + " file, and that the broker's certificate names the host of "
                        + "--bootstrap-servers.";
            }
            if (t instanceof AuthenticationException) {
                return "Kafka authentication failed (" + t.getMessage() + "). Check security.protocol and the sasl.* "
                        + "and ssl.* settings of the " + CommandConfig.OPTION + " file.";
            }
            if (t instanceof AuthorizationException) {
                return "Kafka denied the operation (" + t.getMessage() + "). The user of the "
                        + CommandConfig.OPTION + " file needs ACLs for it.";
            }
            if (t instanceof TimeoutException) {
                return "Kafka did not answer in time (" + t.getMessage() + "). Check --bootstrap-servers, and that "
                        + "security.protocol in the " + CommandConfig.OPTION + " file is the listener's.";
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
