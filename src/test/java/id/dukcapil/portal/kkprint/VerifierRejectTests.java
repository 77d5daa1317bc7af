package id.dukcapil.portal.kkprint;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The verifier's two ways of saying no (SOP B step 7), and the audit trail of a request's every state change
 * (issue 13, item 13).
 */
@PortalTest
class VerifierRejectTests {

    @Autowired KkPrintTestSupport kk;
    @Autowired VerifierInbox verifierInbox;
    @Autowired JdbcTemplate jdbc;

    @Test
    void a_request_sent_back_to_the_operator_carries_the_reason_and_the_operator_check_starts_again() {
        String tracking = kk.forwarded();
        long id = kk.idOf(tracking);

        kk.asStaff("verifikator", () -> {
            verifierInbox.reject(id, "Foto halaman KK tidak terbaca.", false);
            return null;
        });

        assertThat(kk.stateOf(tracking)).isEqualTo(RequestState.SUBMITTED);
        assertThat(jdbc.queryForObject("SELECT inbox FROM kkprint_request WHERE id = ?", String.class, id))
                .isEqualTo(Inbox.OPERATOR.name());
        assertThat(lastHistoryReason(id)).isEqualTo("Foto halaman KK tidak terbaca.");
        assertThat(openSteps(tracking)).containsExactly("B6_OPERATOR_CHECK");
        assertThat(endedSteps(tracking)).contains("B7_VERIFICATION");
        assertThat(mailsTo(tracking, "kkprint-rejected")).as("the citizen is not told: the office fixes it").isZero();
        Map<String, Object> entry = lastAudit(tracking);
        assertThat(entry.get("action")).isEqualTo("kkprint.request.sent-back");
        assertThat(entry.get("actor_id")).isEqualTo("verifikator");
        assertThat((String) entry.get("detail")).isEqualTo("FORWARDED → SUBMITTED: Foto halaman KK tidak terbaca.");
    }

    @Test
    void a_request_rejected_to_the_citizen_closes_and_the_citizen_is_told_why_by_e_mail() {
        String tracking = kk.forwarded();
        long id = kk.idOf(tracking);

        kk.asStaff("verifikator", () -> {
            verifierInbox.reject(id, "Data anggota keluarga tidak sesuai dokumen.", true);
            return null;
        });

        assertThat(kk.stateOf(tracking)).isEqualTo(RequestState.REJECTED);
        assertThat(openSteps(tracking)).as("a closed request has no step running").isEmpty();
        assertThat(mailsTo(tracking, "kkprint-rejected")).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                SELECT body FROM notification_message WHERE template_key = 'kkprint-rejected' AND body LIKE ?""",
                String.class, "%" + tracking + "%")).contains("Data anggota keluarga tidak sesuai dokumen.");
        Map<String, Object> entry = lastAudit(tracking);
        assertThat(entry.get("action")).isEqualTo("kkprint.request.rejected");
        assertThat(entry.get("actor_id")).isEqualTo("verifikator");
    }

    @Test
    void every_state_change_of_a_request_from_intake_to_delivery_has_its_audit_entry_in_order() {
        String tracking = kk.delivered();

        List<String> actions = jdbc.queryForList(
                "SELECT action FROM audit_entry WHERE subject_type = 'KkPrintRequest' AND subject_id = ? ORDER BY seq",
                String.class, tracking);
        assertThat(actions).containsExactly("kkprint.request.submitted", "kkprint.request.claimed",
                "kkprint.request.forwarded", "kkprint.request.verified", "kkprint.request.signed",
                "kkprint.request.delivered");
        assertThat(jdbc.queryForList("SELECT actor_id FROM audit_entry WHERE subject_type = 'KkPrintRequest' "
                + "AND subject_id = ? ORDER BY seq", String.class, tracking))
                .startsWith("ikd-gateway:1").contains("operator", "verifikator");
    }

    private String lastHistoryReason(long id) {
        return jdbc.queryForObject("SELECT reason FROM kkprint_history WHERE request_id = ? ORDER BY id DESC LIMIT 1",
                String.class, id);
    }

    private List<String> openSteps(String tracking) {
        return jdbc.queryForList("SELECT step FROM sla_step WHERE case_id = ? AND ended_at IS NULL", String.class, tracking);
    }

    private List<String> endedSteps(String tracking) {
        return jdbc.queryForList("SELECT step FROM sla_step WHERE case_id = ? AND ended_at IS NOT NULL", String.class,
                tracking);
    }

    private int mailsTo(String tracking, String template) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM notification_message WHERE template_key = ? AND body LIKE ?",
                Integer.class, template, "%" + tracking + "%");
    }

    private Map<String, Object> lastAudit(String tracking) {
        return jdbc.queryForMap("""
                SELECT action, actor_id, detail FROM audit_entry WHERE subject_type = 'KkPrintRequest' AND subject_id = ?
                ORDER BY seq DESC LIMIT 1""", tracking);
    }
}
