package id.dukcapil.portal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A benchmark: excluded from the ordinary test run, run with {@code ./mvnw -Pbenchmark test}. Each one
 * measures the portal's figure next to its baseline in the same run and prints a line for docs/benchmarks.md.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("benchmark")
public @interface Benchmark {
}
