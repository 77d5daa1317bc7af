package id.dukcapil.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No main class over 400 lines (issue 50): a class that long does several jobs, and the next team must read it whole
 * to change one. A class that grows past the limit fails here; split it along its jobs.
 */
class HouseSizeTest {

    static final int MAX_LINES = 400;

    @Test
    void no_main_class_is_over_400_lines() throws IOException {
        Map<String, Long> over = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                long lines;
                try (Stream<String> text = Files.lines(file)) {
                    lines = text.count();
                }
                if (lines > MAX_LINES) {
                    over.put(file.toString(), lines);
                }
            }
        }
        assertThat(over).as("main classes over %d lines", MAX_LINES).isEmpty();
    }
}
