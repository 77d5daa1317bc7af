package id.dukcapil.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Makes the test JVM's temporary folder as the JVM starts, before its first test (decision 197): the pom gives each
 * test JVM a {@code TMPDIR} of its own under {@code target/}, and a tool a test starts before any embedded database
 * made that folder ({@code promtool} in {@code MonitoringConfigurationTest}, Chromium) would fail to write there.
 * Registered through JUnit Platform's service file.
 */
public class TestJvmFolder implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String folder = System.getenv("TMPDIR");
        if (folder == null || folder.isBlank()) {
            return;
        }
        try {
            Files.createDirectories(Path.of(folder));
        } catch (IOException e) {
            throw new UncheckedIOException("The test JVM's temporary folder " + folder + " cannot be made", e);
        }
    }
}
