# Sourced by ./mvnw: the portal needs Java 21 or newer. When JAVA_HOME is unset or older,
# take the newest JDK 21+ found in the usual install folders, so that `./mvnw ...` just works
# on a machine whose default `java` is older.
__portal_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(__portal_java_major "$JAVA_HOME")" -lt 21 ] 2>/dev/null; then
  __portal_best=""; __portal_best_major=0
  for __portal_jdk in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$__portal_jdk/bin/javac" ] || continue
    __portal_major=$(__portal_java_major "$__portal_jdk")
    if [ -n "$__portal_major" ] && [ "$__portal_major" -ge 21 ] && [ "$__portal_major" -gt "$__portal_best_major" ]; then
      __portal_best=$__portal_jdk; __portal_best_major=$__portal_major
    fi
  done
  if [ -n "$__portal_best" ]; then
    export JAVA_HOME="$__portal_best"
    echo "Dukcapil Portal: using JDK $__portal_best_major at $JAVA_HOME" >&2
  else
    echo "Dukcapil Portal needs a JDK 21 or newer: install one or set JAVA_HOME." >&2
    exit 1
  fi
fi
# Maven's own Guice calls sun.misc.Unsafe, which JDK 24+ warns about on every run: not the portal's to fix, and
# noise before the portal's first line. The option is unknown to JDK 21, so it is set only where it is known.
if [ "$(__portal_java_major "$JAVA_HOME")" -ge 24 ] 2>/dev/null; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
