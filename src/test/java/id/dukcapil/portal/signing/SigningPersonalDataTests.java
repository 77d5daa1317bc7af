package id.dukcapil.portal.signing;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.audit.internal.PersonalDataViewBuffer;
import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.shared.i18n.PortalMessages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The signing queue records whose data the head's preview holds where it leaves the queue, whatever screen asked
 * (issue 50): the facts beside the preview as seen, the PDF opened as downloaded.
 */
@PortalTest
class SigningPersonalDataTests {

    @Autowired SigningQueue signingQueue;
    @Autowired SigningTestSupport support;
    @Autowired PersonalDataViewBuffer buffer;
    @Autowired JdbcTemplate jdbc;

    @Test
    void a_previews_details_are_recorded_as_seen_and_its_pdf_as_downloaded_by_the_head() {
        long id = support.queueFamily();
        Family family = support.as("kadis", () -> support.familyOf(signingQueue.queue(PageRequest.of(0, 10_000))
                .getContent().stream().filter(document -> document.id() == id).findFirst().orElseThrow()));
        String kk = family.kkNumber().value();
        String member = family.members().getLast().nik().value();
        long seenBefore = accesses("KK", kk, "VIEW", "signing");
        long memberBefore = accesses("NIK", member, "VIEW", "signing");
        long downloadedBefore = accesses("KK", kk, "DOWNLOAD", "signing/kk-pdf");

        support.as("kadis", () -> signingQueue.details(id, PortalMessages.INDONESIAN));
        buffer.flush();
        assertThat(accesses("KK", kk, "VIEW", "signing")).isEqualTo(seenBefore + 1);
        assertThat(accesses("NIK", member, "VIEW", "signing")).isEqualTo(memberBefore + 1);
        assertThat(accesses("KK", kk, "DOWNLOAD", "signing/kk-pdf")).isEqualTo(downloadedBefore);

        byte[] pdf = support.as("kadis", () -> signingQueue.previewFile(id, PortalMessages.INDONESIAN));
        assertThat(pdf).isNotEmpty();
        assertThat(accesses("KK", kk, "DOWNLOAD", "signing/kk-pdf")).isEqualTo(downloadedBefore + 1);
        assertThat(accesses("NIK", member, "DOWNLOAD", "signing/kk-pdf")).isPositive();
    }

    private long accesses(String type, String subject, String kind, String screen) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_personal_data_view WHERE subject = ? "
                + "AND subject_type = ? AND kind = ? AND screen = ? AND staff_id = 'kadis'", Long.class, subject, type,
                kind, screen);
    }
}
