package id.dukcapil.portal.signing.ui;

import static id.dukcapil.portal.signing.SigningTestSupport.PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Image;
import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.population.Resident;
import com.vaadin.flow.component.textfield.TextArea;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.audit.internal.PersonalDataViewBuffer;
import id.dukcapil.portal.signing.DocumentOutcome;
import id.dukcapil.portal.signing.DocumentState;
import id.dukcapil.portal.signing.QueuedDocument;
import id.dukcapil.portal.signing.SigningQueue;
import id.dukcapil.portal.signing.SigningTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** The Kepala Dinas at the signing queue, without a browser. */
@WithUserDetails("kadis")
class SigningQueueViewTest extends PortalViewTest {

    @Autowired SigningQueue signingQueue;
    @Autowired SigningTestSupport support;
    @Autowired PersonalDataViewBuffer buffer;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void a_usable_certificate_again() {
        support.usableCertificateAgain();
    }

    @Test
    void the_head_chooses_documents_types_the_passphrase_and_sees_each_result() throws Exception {
        long one = support.queueFamily();
        long two = support.queueFamily();
        SigningQueueView view = navigate(SigningQueueView.class);
        view.queue.select(waiting(one));
        view.queue.select(waiting(two));
        assertThat(view.sign.getText()).isEqualTo("Tandatangani (2)");

        test(view.passphrase).setValue(PASSPHRASE);
        test(view.sign).click();

        assertThat(UI.getCurrent().getPollInterval()).isBetween(1, 1000);
        assertThat(view.passphrase.getValue()).isEmpty();
        view.run.completion().get(60, TimeUnit.SECONDS);
        view.showProgress();

        assertThat(view.results.isVisible()).isTrue();
        assertThat(test(view.results).size()).isEqualTo(2);
        assertThat(List.of(test(view.results).getCellText(0, 1), test(view.results).getCellText(1, 1)))
                .containsOnly("Ditandatangani");
        assertThat(view.progress.getText()).startsWith("2 dari 2 dokumen: 2 ditandatangani");
        assertThat(lastNotification()).isEqualTo("Batch selesai: 2 ditandatangani, 0 gagal, 0 dilewati.");
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
        assertThat(signingQueue.state(one)).contains(DocumentState.SIGNED);
        assertThat(signingQueue.state(two)).contains(DocumentState.SIGNED);
    }

    @Test
    void a_kk_previewed_and_its_pdf_opened_are_kept_as_seen_and_downloaded_by_the_head() throws Exception {
        long id = support.queueFamily();
        Family family = support.familyOf(waiting(id));
        String kk = family.kkNumber().value();
        String member = family.members().getLast().nik().value();
        long viewedBefore = accesses(kk, "VIEW", "signing");
        long memberBefore = memberSeen(member);
        long downloadedBefore = accesses(kk, "DOWNLOAD", "signing/kk-pdf");
        SigningQueueView view = navigate(SigningQueueView.class);

        view.openPreview(waiting(id));
        buffer.flush();
        assertThat(accesses(kk, "VIEW", "signing")).isEqualTo(viewedBefore + 1);
        assertThat(memberSeen(member)).as("each member the details name").isEqualTo(memberBefore + 1);

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        test(find(Anchor.class, find(Dialog.class).last()).all().getFirst()).download(pdf);
        assertThat(pdf.size()).isPositive();
        // No flush: the download is kept before its bytes go.
        assertThat(accesses(kk, "DOWNLOAD", "signing/kk-pdf")).isEqualTo(downloadedBefore + 1);
    }

    private long memberSeen(String nik) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_personal_data_view WHERE subject = ? "
                + "AND subject_type = 'NIK' AND screen = 'signing' AND staff_id = 'kadis'", Long.class, nik);
    }

    private long accesses(String kk, String kind, String screen) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_personal_data_view WHERE subject = ? "
                + "AND subject_type = 'KK' AND kind = ? AND screen = ? AND staff_id = 'kadis'", Long.class, kk, kind, screen);
    }

    @Test
    void a_wrong_passphrase_is_told_and_nothing_is_signed() {
        long id = support.queueFamily();
        SigningQueueView view = navigate(SigningQueueView.class);
        view.queue.select(waiting(id));
        test(view.passphrase).setValue("salah-ketik");
        test(view.sign).click();

        assertThat(lastNotification()).isEqualTo("Passphrase salah.");
        assertThat(view.run).isNull();
        assertThat(signingQueue.state(id)).contains(DocumentState.QUEUED);
    }

    @Test
    void the_head_previews_a_document_and_sends_another_back_with_a_reason() {
        long previewed = support.queueFamily();
        long sentBack = support.queueFamily();
        SigningQueueView view = navigate(SigningQueueView.class);

        view.openPreview(waiting(previewed));
        Dialog preview = find(Dialog.class).last();
        assertThat(find(Image.class, preview).all()).as("the card drawn as a picture, not a framed PDF").hasSize(1)
                .allSatisfy(page -> assertThat(page.getSrc()).isNotBlank());
        Family family = support.familyOf(waiting(previewed));
        assertThat(preview.getElement().getTextRecursively()).as("the family beside the card")
                .contains(family.kkNumber().value(), "Kepala keluarga")
                .contains(family.members().stream().map(Resident::fullName).toList());
        assertThat(find(Anchor.class, preview).all().getFirst().getHref()).as("the PDF opened under its own name")
                .matches(".*/[A-Za-z0-9._-]+\\.pdf").doesNotEndWith("/download.pdf");
        preview.close();

        view.openReturn(waiting(sentBack));
        Dialog dialog = find(Dialog.class).last();
        test(find(TextArea.class, dialog).single()).setValue("Foto KK lama tidak terbaca");
        test(find(Button.class, dialog).withText("Kembalikan").single()).click();

        assertThat(lastNotification()).contains("dikembalikan ke verifikator");
        assertThat(signingQueue.state(sentBack)).contains(DocumentState.RETURNED);
        assertThat(signingQueue.state(previewed)).contains(DocumentState.QUEUED);
    }

    @Test
    void the_head_reads_where_each_document_comes_from_in_words_not_codes() {
        long id = support.queueFamily();
        SigningQueueView view = navigate(SigningQueueView.class);
        var queue = test(view.queue);
        int origin = 3; // number, holder, KK, origin
        assertThat(view.queue.getColumns().get(origin).getHeaderText()).isEqualTo("Asal");

        for (int row = 0; row < queue.size(); row++) {
            QueuedDocument document = queue.getRow(row);
            String words = queue.getCellText(row, origin);
            assertThat(words).as("no source code on screen").doesNotContain(document.sourceType() + " ")
                    .doesNotContain("DEMO-");
            if (document.id() == id) {
                assertThat(words).as("a source without words of its own").isEqualTo("Dokumen lain");
            }
        }
    }

    @Test
    void select_all_takes_every_waiting_document() {
        support.queueFamily();
        SigningQueueView view = navigate(SigningQueueView.class);
        test(view.selectAll).click();

        int waiting = signingQueue.queuedIds().size();
        assertThat(view.selection.getText()).isEqualTo("Semua " + waiting + " dokumen yang menunggu dipilih.");
        assertThat(view.sign.getText()).isEqualTo("Tandatangani (" + waiting + ")");
    }

    @Test
    void the_heads_home_shows_how_many_documents_wait() {
        support.queueFamily();
        // The browserless UI opened the home view before the document arrived: away and back builds it anew.
        navigate(SigningQueueView.class);
        navigate(id.dukcapil.portal.shared.ui.HomeView.class);

        int waiting = signingQueue.queuedIds().size();
        assertThat(find(com.vaadin.flow.component.html.Span.class).id("signing-waiting").getText())
                .isEqualTo(String.valueOf(waiting));
    }

    private QueuedDocument waiting(long id) {
        return signingQueue.queue(PageRequest.of(0, 10_000)).getContent().stream()
                .filter(document -> document.id() == id).findFirst().orElseThrow();
    }

    static List<DocumentOutcome.Result> results(List<DocumentOutcome> outcomes) {
        return outcomes.stream().map(DocumentOutcome::result).toList();
    }
}
