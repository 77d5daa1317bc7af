package id.dukcapil.portal.recording.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Span;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.recording.RecordingDesk;
import id.dukcapil.portal.recording.RecordingTestSupport;
import id.dukcapil.portal.recording.RegistrationDesk;
import id.dukcapil.portal.recording.Visit;
import id.dukcapil.portal.shared.ui.LanguageSwitch;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A citizen, not signed in, on the page the QR code of a proof of recording opens: the verdict in its colour over
 * the paper's lines, in the public pages' frame with its language switch (issue 36, item 9).
 */
class ProofViewTest extends PortalViewTest {

    @Autowired RegistrationDesk registration;
    @Autowired RecordingDesk recording;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;

    @Test
    void a_genuine_proof_shows_its_verdict_and_lines_with_the_nik_masked_in_either_language() {
        String nik = RecordingTestSupport.residentsToRecord(jdbc, LocalDate.now(ZoneId.of("Asia/Jakarta")), 1)
                .getFirst();
        Visit queued = SignedInAs.call(users, "registrasi", () -> RecordingTestSupport.queued(registration, nik));
        Visit recorded = SignedInAs.call(users, "perekaman", () -> {
            Visit done;
            do { // numbers queued by other tests may come first
                done = recording.recorded(recording.callNext("Meja 9").orElseThrow().id());
            } while (done.id() != queued.id());
            return done;
        });

        ProofView page = navigate("bukti/" + recorded.proofToken(), ProofView.class);

        assertThat(badge("success")).startsWith("SAH");
        String lines = page.verdict.getElement().getTextRecursively();
        assertThat(lines).contains("Nomor bukti: " + recorded.proofNumber(), "NIK: " + nik.substring(0, 4))
                .doesNotContain(nik);

        test(find(LanguageSwitch.class).single()).selectItem("English");
        navigate("bukti/" + recorded.proofToken(), ProofView.class);
        assertThat(badge("success")).startsWith("GENUINE");
        assertThat(find(ProofView.class).single().verdict.getElement().getTextRecursively())
                .contains("Proof number: " + recorded.proofNumber());
    }

    @Test
    void an_unknown_proof_is_said_to_be_unknown_in_red() {
        navigate("bukti/AAAAAAAAAAAAAAAAAAAAAAAA", ProofView.class);

        assertThat(badge("error")).isEqualTo("Bukti ini tidak dikenal oleh Disdukcapil Kabupaten Bandung.");
        assertThat(find(LanguageSwitch.class).exists()).as("the language switch in the page's header").isTrue();
    }

    private String badge(String theme) {
        return find(Span.class).all().stream()
                .filter(span -> java.util.Arrays.asList(String.valueOf(span.getElement().getAttribute("theme"))
                        .split("\\s+")).containsAll(java.util.List.of("badge", theme)))
                .map(Span::getText).findFirst().orElse("");
    }
}
