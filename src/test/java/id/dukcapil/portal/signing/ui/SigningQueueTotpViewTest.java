package id.dukcapil.portal.signing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import com.vaadin.flow.component.UI;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.signing.Certificates;
import id.dukcapil.portal.signing.DocumentSigner.SecretKind;
import id.dukcapil.portal.signing.DocumentState;
import id.dukcapil.portal.signing.QueuedDocument;
import id.dukcapil.portal.signing.SigningQueue;
import id.dukcapil.portal.signing.SigningTestSupport;
import id.dukcapil.portal.signing.BsreTestSigning;
import id.dukcapil.portal.signing.bsre.BsrePeer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The Kepala Dinas at the signing queue of an office that signs through BSrE, choosing the BeSign code instead of
 * the passphrase (issue 39), without a browser; BSrE is a test peer that checks a real RFC 6238 code.
 */
@WithUserDetails("kadis")
class SigningQueueTotpViewTest extends PortalViewTest {

    @Autowired ApplicationContext context;
    @Autowired SigningQueue signingQueue;
    @Autowired Certificates certificates;
    @Autowired SigningTestSupport support;
    @Autowired Clock clock;

    @TempDir Path folder;
    BsrePeer peer;
    BsreTestSigning office;

    @BeforeEach
    void anOfficeSigningThroughBsre() throws Exception {
        peer = new BsrePeer(folder);
        office = new BsreTestSigning(context, BsreTestSigning.properties(peer, Duration.ofSeconds(20), 8, 20));
    }

    @AfterEach
    void stop() {
        office.close();
        peer.close();
    }

    @Test
    void the_choice_of_a_besign_code_is_offered_only_when_the_office_signs_through_bsre() {
        SigningQueueView ownKey = navigate(SigningQueueView.class);
        assertThat(ownKey.secretKind.isVisible()).as("the office's own key opens with its passphrase only").isFalse();

        SigningQueueView bsre = bsreView();

        assertThat(bsre.secretKind.isVisible()).isTrue();
        assertThat(test(bsre.secretKind).getSelected()).isEqualTo(SecretKind.PASSPHRASE);
        test(bsre.secretKind).selectItem("Kode TOTP (BeSign)");
        assertThat(bsre.passphrase.getLabel()).isEqualTo("Kode TOTP (BeSign)");
        assertThat(bsre.passphrase.getMaxLength()).isEqualTo(6);
        test(bsre.secretKind).selectItem("Passphrase");
        assertThat(bsre.passphrase.getLabel()).isEqualTo("Passphrase TTE");
    }

    @Test
    void the_head_signs_the_chosen_documents_with_the_code_from_besign_after_a_mistyped_one_is_told()
            throws Exception {
        long one = support.queueFamily();
        long two = support.queueFamily();
        SigningQueueView view = bsreView();
        view.queue.select(waiting(one));
        view.queue.select(waiting(two));
        test(view.secretKind).selectItem("Kode TOTP (BeSign)");

        test(view.passphrase).setValue("12345");
        test(view.sign).click();

        assertThat(view.run).isNull();
        assertThat(view.passphrase.isInvalid()).isTrue();
        assertThat(view.passphrase.getErrorMessage())
                .isEqualTo("Kode TOTP terdiri dari 6 angka dari aplikasi BeSign. Tidak ada dokumen yang dikirim.");
        assertThat(peer.statusCalls()).isZero();

        test(view.passphrase).setValue(BsrePeer.totp(Instant.now()));
        test(view.sign).click();

        assertThat(view.passphrase.getValue()).isEmpty();
        view.run.completion().get(60, TimeUnit.SECONDS);
        view.showProgress();
        assertThat(lastNotification()).isEqualTo("Batch selesai: 2 ditandatangani, 0 gagal, 0 dilewati.");
        assertThat(peer.filesPerCall()).as("one call for both").containsExactly(2);
        assertThat(peer.totpCalls()).isEqualTo(1);
        assertThat(signingQueue.state(one)).contains(DocumentState.SIGNED);
        assertThat(signingQueue.state(two)).contains(DocumentState.SIGNED);
    }

    @Test
    void an_expired_code_is_told_in_words_and_the_documents_stay_queued() throws Exception {
        long id = support.queueFamily();
        SigningQueueView view = bsreView();
        view.queue.select(waiting(id));
        test(view.secretKind).selectItem("Kode TOTP (BeSign)");

        test(view.passphrase).setValue(BsrePeer.totp(Instant.now().minus(Duration.ofMinutes(10))));
        test(view.sign).click();
        view.run.completion().get(60, TimeUnit.SECONDS);
        view.showProgress();

        assertThat(test(view.results).getCellText(0, 2)).isEqualTo("BSrE menolak kode TOTP (TOTP tidak valid atau "
                + "kedaluwarsa): salah atau sudah kedaluwarsa. Sisa batch tidak dikirim dan tetap di antrean; ketik "
                + "kode baru dari BeSign lalu tandatangani atau lanjutkan batch.");
        assertThat(signingQueue.state(id)).contains(DocumentState.QUEUED);
    }

    /** The signing screen as an office signing through BSrE has it. */
    private SigningQueueView bsreView() {
        SigningQueueView view = new SigningQueueView(signingQueue, office.batches, certificates, clock);
        UI.getCurrent().removeAll();
        UI.getCurrent().add(view);
        return view;
    }

    private QueuedDocument waiting(long id) {
        return signingQueue.queue(PageRequest.of(0, 10_000)).getContent().stream()
                .filter(document -> document.id() == id).findFirst().orElseThrow();
    }
}
