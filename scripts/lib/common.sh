# shellcheck shell=bash
# Shared helpers for the scripts in scripts/. Source it; do not run it.
#   source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

# Prints a message to stderr, prefixed so it stands out from tool output.
log() {
    printf '[crosscount] %s\n' "$*" >&2
}

# Prints a message and exits with status 1.
die() {
    log "$*"
    exit 1
}

# Prints the repository root, found from this file's location (scripts/lib/common.sh).
crosscount_root() {
    (cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
}

# Prints the project's test-scope Java classpath (Kafka broker and tools, Flink, the project's
# dependencies). Maven resolves it into target/classpath.txt only when that file is missing or
# older than pom.xml, so later calls cost nothing.
# Call it as:  cp=$(ensure_classpath)   (a plain assignment, so that set -e sees a failure)
ensure_classpath() {
    local root cp_file
    root=$(crosscount_root)
    cp_file="$root/target/classpath.txt"
    if [[ ! -s $cp_file || $root/pom.xml -nt $cp_file ]]; then
        command -v mvn >/dev/null 2>&1 || die "mvn is not on the PATH; it is needed once to resolve the classpath"
        log "resolving the test classpath with Maven into target/classpath.txt (again only when pom.xml changes)"
        mkdir -p "$root/target"
        if ! (cd "$root" && mvn -B -q -Dstyle.color=never dependency:build-classpath \
                -Dmdep.includeScope=test -Dmdep.outputFile=target/classpath.txt) >"$root/target/classpath.log" 2>&1; then
            rm -f "$cp_file"
            cat "$root/target/classpath.log" >&2
            die "mvn dependency:build-classpath failed (output above, also in target/classpath.log)"
        fi
        [[ -s $cp_file ]] || die "mvn wrote no classpath to $cp_file"
    fi
    cat "$cp_file"
}

# Compiles the project into target/classes when it is missing or older than any source or
# resource file, so a fresh clone needs no separate build step.
ensure_compiled() {
    local root stamp
    root=$(crosscount_root)
    stamp="$root/target/classes/.crosscount-built"
    if [[ ! -f $stamp ]] || [[ -n $(find "$root/src/main" "$root/pom.xml" -newer "$stamp" -print -quit) ]]; then
        command -v mvn >/dev/null 2>&1 || die "mvn is not on the PATH; it is needed to build the project"
        log "compiling the project (mvn compile)"
        mkdir -p "$root/target"
        if ! (cd "$root" && mvn -B -q -Dstyle.color=never compile) >"$root/target/compile.log" 2>&1; then
            cat "$root/target/compile.log" >&2
            die "mvn compile failed (output above, also in target/compile.log)"
        fi
        touch "$stamp"
    fi
}

# Prints the classpath to run the project's own classes: target/classes plus every dependency.
project_classpath() {
    local root cp
    root=$(crosscount_root)
    cp=$(ensure_classpath)
    ensure_compiled
    printf '%s:%s' "$root/target/classes" "$cp"
}

# Prints the classpath of a Flink cluster or client without a Flink distribution: the test
# classpath (ensure_classpath) minus what a distribution's lib/ does not hold: what the job jar
# bundles (Kafka connector and clients, connector-base, Jackson, ICU, OpenNLP),
# test-only jars and the Kafka broker's own dependencies. The job's jars must not be on it:
# org.apache.flink.* classes (the connector) load parent-first, so the cluster's copies would
# silently win over the job's, and a job jar lacking them would still run here.
# Call it as:  cp=$(flink_classpath)
flink_classpath() {
    local cp
    cp=$(ensure_classpath)
    tr ':' '\n' <<<"$cp" | grep -vE -- '-tests\.jar$|/org/apache/kafka/|/org/apache/flink/flink-connector-kafka/|/org/apache/flink/flink-connector-base/|/org/apache/flink/flink-test-utils|/org/junit/|/junit/junit/|/org/opentest4j/|/org/apiguardian/|/org/hamcrest/|/org/assertj/|/org/openjdk/jmh/|/org/testcontainers/|/com/github/docker-java/|/org/rnorth/|/net/java/dev/jna/|/org/apache/curator/|/org/apache/zookeeper/|/com/ibm/icu/|/org/apache/opennlp/|/com/fasterxml/jackson/|/org/scala-lang/|/com/typesafe/scala-logging|/net/sf/jopt-simple/|/net/sourceforge/argparse4j/|/com/yammer/metrics/|/org/pcollections/|/org/bitbucket/b_c/|/org/eclipse/jetty/|/org/glassfish/|/jakarta/|/com/sun/activation/|/javax/activation/|/javax/xml/bind/|/io/swagger/|/org/apache/maven/|/org/codehaus/plexus/|/io/github/classgraph/|/com/dynatrace/hash4j/|/com/github/ben-manes/caffeine/|/com/google/re2j/|/net/bytebuddy/|/org/jetbrains/annotations/|/org/jspecify/' \
        | paste -sd: -
}

# The java binary: $JAVA_HOME/bin/java when JAVA_HOME is set, else java on the PATH.
java_bin() {
    if [[ -n ${JAVA_HOME:-} ]]; then
        printf '%s' "$JAVA_HOME/bin/java"
    else
        printf 'java'
    fi
}
