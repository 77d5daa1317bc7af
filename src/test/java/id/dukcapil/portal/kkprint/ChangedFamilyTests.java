package id.dukcapil.portal.kkprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.population.ChangeReason;
import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.population.ResidentCorrection;
import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.signing.BatchSigning;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A family corrected in the registry after verification is not signed: the request goes back to the verifier. */
@PortalTest
class ChangedFamilyTests {

    @Autowired KkPrintTestSupport kk;
    @Autowired VerifierInbox verifierInbox;
    @Autowired PopulationRegistry registry;
    @Autowired BatchSigning signing;
    @Autowired JdbcTemplate jdbc;

    @Test
    void a_member_corrected_after_verification_sends_the_request_back_to_the_verifier_with_the_change_named() {
        String tracking = kk.forwarded();
        kk.asStaff("verifikator", () -> {
            verifierInbox.verify(kk.idOf(tracking));
            return null;
        });
        String kkNumber = jdbc.queryForObject("SELECT kk_number FROM kkprint_request WHERE tracking_number = ?",
                String.class, tracking);
        Family family = registry.findFamily(KkNumber.of(kkNumber)).orElseThrow();
        Resident member = family.members().getLast();
        kk.asStaff("admin", () -> registry.correct(member.nik(), ResidentCorrection.none()
                .withFullName(member.fullName() + " SAPUTRA"), ChangeReason.BIRTH_CERTIFICATE, "test"));

        List<Long> documents = kk.signingDocuments(tracking);
        kk.asStaff("kadis", () -> signing.start(documents, KkPrintTestSupport.HEAD_PASSPHRASE.toCharArray()));
        await().atMost(Duration.ofSeconds(60)).until(() -> kk.stateOf(tracking) == RequestState.FORWARDED);

        assertThat(jdbc.queryForObject("SELECT state FROM signing_document WHERE id = ?", String.class,
                documents.getFirst())).isEqualTo("RETURNED");
        assertThat(jdbc.queryForObject("SELECT return_reason FROM signing_document WHERE id = ?", String.class,
                documents.getFirst())).contains(member.fullName() + " SAPUTRA: nama berubah");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM signing_document_pdf WHERE document_id = ?",
                Integer.class, documents.getFirst())).isZero();
        assertThat(jdbc.queryForObject("SELECT inbox FROM kkprint_request WHERE tracking_number = ?", String.class,
                tracking)).isEqualTo("VERIFIER");
    }
}
