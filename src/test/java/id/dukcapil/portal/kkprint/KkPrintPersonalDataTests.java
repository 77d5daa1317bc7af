package id.dukcapil.portal.kkprint;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.audit.internal.PersonalDataViewBuffer;
import id.dukcapil.portal.shared.i18n.PortalMessages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The KK inboxes' services record who saw whose data where the data leaves them, whatever screen asked (issue 50):
 * the request the operator opened and the verifier's review, each with the requester, the KK and every member.
 */
@PortalTest
class KkPrintPersonalDataTests {

    @Autowired KkPrintTestSupport kk;
    @Autowired KkRequests requests;
    @Autowired OperatorInbox operatorInbox;
    @Autowired VerifierInbox verifierInbox;
    @Autowired PersonalDataViewBuffer buffer;
    @Autowired JdbcTemplate jdbc;

    @Test
    void the_request_opened_by_the_operator_is_recorded_with_its_family() {
        String tracking = kk.submitted();
        RequestDetail detail = kk.asStaff("operator", () -> requests.find(tracking).orElseThrow());
        buffer.flush();
        assertThat(seen("operator", "kk/operator", "KK", detail.row().kkNumber())).as("found, not yet shown").isZero();

        kk.asStaff("operator", () -> operatorInbox.opened(detail, PortalMessages.INDONESIAN));
        buffer.flush();

        assertThat(seen("operator", "kk/operator", "NIK", detail.requesterNik())).isEqualTo(1);
        assertThat(seen("operator", "kk/operator", "KK", detail.row().kkNumber())).isEqualTo(1);
        assertThat(seen("operator", "kk/operator", "NIK", lastMember(detail.row().kkNumber()))).isEqualTo(1);
    }

    @Test
    void the_verifiers_review_is_recorded_with_its_family() {
        String tracking = kk.forwarded();
        Review review = kk.asStaff("verifikator", () -> verifierInbox.review(kk.idOf(tracking)));
        buffer.flush();

        String kkNumber = review.request().row().kkNumber();
        assertThat(seen("verifikator", "kk/verifier", "NIK", review.request().requesterNik())).isEqualTo(1);
        assertThat(seen("verifikator", "kk/verifier", "KK", kkNumber)).isEqualTo(1);
        assertThat(seen("verifikator", "kk/verifier", "NIK", lastMember(kkNumber))).isEqualTo(1);
    }

    private String lastMember(String kkNumber) {
        return jdbc.queryForObject("SELECT r.nik FROM population_resident r JOIN population_family f "
                + "ON f.id = r.family_id WHERE f.kk_number = ? ORDER BY r.id DESC LIMIT 1", String.class, kkNumber);
    }

    private long seen(String staff, String screen, String type, String subject) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_personal_data_view WHERE staff_id = ? AND screen = ? "
                + "AND subject_type = ? AND subject = ? AND kind = 'VIEW'", Long.class, staff, screen, type, subject);
    }
}
