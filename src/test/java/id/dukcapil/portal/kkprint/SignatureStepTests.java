package id.dukcapil.portal.kkprint;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.signing.DocumentId;
import id.dukcapil.portal.signing.SigningQueue;
import id.dukcapil.portal.sla.CaseRef;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.sla.StepClock;
import id.dukcapil.portal.sla.StepRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SOP B step 8 is kkprint's own (decision 084): it starts when the verifier validates the request and ends when the
 * Kepala Dinas signs in the signing module, at the moment of the signature and under the Kepala Dinas's name, however
 * late kkprint hears of it.
 */
@PortalTest
class SignatureStepTests {

    @Autowired KkPrintTestSupport kk;
    @Autowired VerifierInbox verifierInbox;
    @Autowired StepClock stepClock;
    @Autowired TestClock clock;
    @Autowired KkDelivery delivery;
    @Autowired SigningQueue signingQueue;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void step_8_runs_from_the_verification_to_the_heads_signature() {
        Instant forwardedAt = Instant.now().minus(Duration.ofMinutes(10));
        clock.setInstant(forwardedAt);
        String tracking = kk.forwarded();
        Instant verifiedAt = forwardedAt.plus(Duration.ofMinutes(1));
        clock.setInstant(verifiedAt);
        kk.asStaff("verifikator", () -> {
            verifierInbox.verify(kk.idOf(tracking));
            return null;
        });
        clock.setInstant(verifiedAt.plus(Duration.ofMinutes(3)));

        kk.sign(tracking);

        StepRecord step = stepClock.history(new CaseRef(Procedure.B_KK_PRINT, tracking)).stream()
                .filter(record -> record.step() == SopStep.B8_SIGNATURE).findFirst().orElseThrow();
        assertThat(step.duration()).contains(Duration.ofMinutes(3));
        assertThat(step.endedBy()).isEqualTo("kadis");
    }

    /** A resubmitted publication of the signature (decision 121) finds the card delivered and does nothing more. */
    @Test
    void the_signature_heard_twice_delivers_the_card_once() {
        String tracking = kk.delivered();
        long document = kk.signingDocuments(tracking).getFirst();
        Instant signedAt = jdbc.queryForObject("SELECT signed_at FROM signing_document WHERE id = ?",
                LocalDateTime.class, document).toInstant(ZoneOffset.UTC);
        String countReleases = "SELECT COUNT(*) FROM kkprint_release WHERE request_id = ?";
        int releases = jdbc.queryForObject(countReleases, Integer.class, kk.idOf(tracking));

        delivery.signed(tracking, signingQueue.signedPdf(DocumentId.of(document)).orElseThrow(), signedAt, "kadis");

        assertThat(kk.stateOf(tracking)).isEqualTo(RequestState.DELIVERED);
        assertThat(jdbc.queryForObject(countReleases, Integer.class, kk.idOf(tracking))).isEqualTo(releases);
    }
}
