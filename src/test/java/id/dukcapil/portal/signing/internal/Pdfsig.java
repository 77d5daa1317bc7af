package id.dukcapil.portal.signing.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Poppler's pdfsig (Debian poppler-utils), the independent verifier the tests hold the signatures against. */
public final class Pdfsig {

    private static final Path PDFSIG = Path.of("/usr/bin/pdfsig");

    private Pdfsig() {
    }

    /** pdfsig's report on the PDF. */
    public static String check(byte[] pdf) throws IOException, InterruptedException {
        Path file = Files.createTempFile("signed-", ".pdf");
        try {
            Files.write(file, pdf);
            Process process = new ProcessBuilder(PDFSIG.toString(), file.toString()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("pdfsig did not finish");
            }
            return output;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
