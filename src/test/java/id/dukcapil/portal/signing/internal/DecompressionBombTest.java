package id.dukcapil.portal.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.zip.InflaterInputStream;

import id.dukcapil.portal.signing.BombPdf;
import org.junit.jupiter.api.Test;

/**
 * Issue 52 item 2, as the attacker tried it: a PDF of about 1 MB that PDFBox inflated to 1 GB of heap in 7 s while
 * looking for its signature. The check reads the file's own bytes and inflates nothing (decision 183).
 */
class DecompressionBombTest {

    private final SignatureInspector inspector = new SignatureInspector();

    @Test
    void the_bomb_is_what_the_attacker_sent_a_megabyte_that_inflates_to_a_gigabyte() throws Exception {
        byte[] zeros = BombPdf.zeros(1024);
        assertThat(zeros.length).isLessThan(1_200_000);
        try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(zeros))) {
            // Read a slice only: the whole would be the gigabyte this test is about.
            assertThat(in.readNBytes(8 << 20)).hasSize(8 << 20).containsOnly((byte) 0);
        }
    }

    @Test
    void a_bomb_is_checked_in_a_blink_without_inflating_it() {
        byte[] bomb = BombPdf.pdf(1024);

        long allocated = allocatedByThisThread();
        long started = System.nanoTime();
        SignatureInspector.Inspection inspection = inspector.inspect(bomb);
        long millis = (System.nanoTime() - started) / 1_000_000;
        long megabytes = (allocatedByThisThread() - allocated) >> 20;

        System.out.printf("BOMB: a %d KB file inflating to 1 GB checked in %d ms, %d MB allocated%n",
                bomb.length >> 10, millis, megabytes);
        assertThat(inspection.outcome()).isEqualTo(SignatureInspector.Outcome.NOT_SIGNED);
        assertThat(megabytes).as("heap allocated by the check, MB").isLessThan(64);
        assertThat(millis).as("ms").isLessThan(2_000);
    }

    @Test
    void a_bomb_behind_a_forged_whole_file_signature_is_not_inflated_either() {
        // A signature dictionary whose range claims the whole file, with a hole of hex digits: the check gets as far
        // as the CMS bytes (not a CMS structure) and never near the stream.
        byte[] head = "%PDF-1.7\n1 0 obj\n<< /Type /Sig /SubFilter /ETSI.CAdES.detached /ByteRange [0 AAAAAAAA BBBBBBBB CCCCCCCC] /Contents <00112233> >>\nendobj\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] bomb = BombPdf.withXrefStream(head, BombPdf.zeros(1024), 0);
        String text = new String(bomb, StandardCharsets.ISO_8859_1);
        int hole = text.indexOf("<00112233>");
        int after = hole + "<00112233>".length();
        text = text.replace("AAAAAAAA", pad(hole)).replace("BBBBBBBB", pad(after))
                .replace("CCCCCCCC", pad(bomb.length - after));
        byte[] forged = text.getBytes(StandardCharsets.ISO_8859_1);

        long allocated = allocatedByThisThread();
        SignatureInspector.Inspection inspection = inspector.inspect(forged);

        assertThat(inspection.outcome()).isEqualTo(SignatureInspector.Outcome.BROKEN);
        // Bouncy Castle's classes load at the first CMS structure: most of what is allocated here.
        assertThat((allocatedByThisThread() - allocated) >> 20).as("MB allocated").isLessThan(64);
    }

    private static String pad(int number) {
        return String.format("%8d", number);
    }

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
