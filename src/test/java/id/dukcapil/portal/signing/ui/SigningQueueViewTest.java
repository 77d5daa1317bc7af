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
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.PasswordField;
import id.dukcapil.portal.signing.SigningRequest;
import java.time.Instant;
import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.population.Resident;
import com.vaadin.flow.component.textfield.TextArea;
import id.dukcapil.portal.GridInput;
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

        GridInput.clickAction(view.queue, row(test(view.queue), previewed), "preview-");
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

        GridInput.clickAction(view.queue, row(test(view.queue), sentBack), "return-");
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
        int kind = 1; // number, kind (and below it, where it comes from), holder
        assertThat(view.queue.getColumns().get(kind).getHeaderText()).isEqualTo("Dokumen");

        for (int row = 0; row < queue.size(); row++) {
            QueuedDocument document = queue.getRow(row);
            String words = cell(queue, row, kind);
            assertThat(words).as("no source code on screen").doesNotContain(document.sourceType() + " ")
                    .doesNotContain("DEMO-");
            if (document.id() == id) {
                assertThat(words).as("a source without words of its own").endsWith("Dokumen lain");
            }
        }
    }

    @Test
    void a_school_handover_record_is_shown_in_its_own_terms_not_under_family_card_headings() {
        long card = support.queueFamily();
        long record = signingQueue.submit(new SigningRequest("SCHOOL_HANDOVER", "990001", "BAST_KTP", "BAST",
                "BAST/20212345/0001", "SMA Negeri 1 Soreang", "20212345", Instant.now().plusSeconds(3600))).value();
        long report = signingQueue.submit(new SigningRequest("IKD_DAY_REPORT", "99000003", "LAPORAN_HARIAN_IKD",
                "LIKD", "MPP-SOREANG 2026-11-24", "MPP Soreang", "MPP-SOREANG", Instant.now().plusSeconds(3600))).value();
        try {
            SigningQueueView view = navigate(SigningQueueView.class);
            var queue = test(view.queue);
            List<String> headers = view.queue.getColumns().stream().map(Grid.Column::getHeaderText).toList();
            assertThat(headers).as("no family card's headings over every document")
                    .doesNotContain("Kepala keluarga", "Nomor KK").contains("Dokumen", "Atas nama");
            int kind = headers.indexOf("Dokumen");
            int holder = headers.indexOf("Atas nama");

            int schoolRow = row(queue, record);
            assertThat(cell(queue, schoolRow, kind)).isEqualTo("Berita Acara Serah Terima KTP-el ke sekolah"
                    + "Serah terima kolektif ke sekolah");
            assertThat(cell(queue, schoolRow, holder)).contains("SMA Negeri 1 Soreang")
                    .contains("Sekolah · NPSN 20212345 · BAST/20212345/0001")
                    .doesNotContain("Kepala keluarga", "KK", "****");

            int cardRow = row(queue, card);
            Family family = support.familyOf(waiting(card));
            assertThat(cell(queue, cardRow, kind)).startsWith("Kartu Keluarga");

            int reportRow = row(queue, report);
            assertThat(cell(queue, reportRow, kind)).startsWith("Laporan harian aktivasi IKD");
            assertThat(cell(queue, reportRow, holder)).as("its point by name and its day as the screens write days")
                    .isEqualTo("MPP Soreang" + "Tempat layanan · hari 24/11/2026");
            assertThat(cell(queue, cardRow, holder)).contains(family.head().orElseThrow().fullName())
                    .contains("Kepala keluarga · KK " + family.kkNumber().masked());
        } finally {
            signingQueue.returnToVerifier(record, "Dokumen uji");
            signingQueue.returnToVerifier(report, "Dokumen uji");
        }
    }

    @Test
    void the_preview_has_the_buttons_to_sign_the_document_or_send_it_back() throws Exception {
        long signed = support.queueFamily();
        long sentBack = support.queueFamily();
        SigningQueueView view = navigate(SigningQueueView.class);

        view.openPreview(waiting(signed));
        Dialog preview = find(Dialog.class).last();
        PasswordField key = find(PasswordField.class, preview).id("signing-preview-passphrase");
        test(key).setValue("salah-ketik");
        test(find(Button.class, preview).id("signing-preview-sign")).click();
        assertThat(key.isInvalid()).as("a wrong passphrase told at its field").isTrue();
        assertThat(key.getErrorMessage()).isEqualTo("Passphrase salah.");
        assertThat(preview.isOpened()).isTrue();

        test(key).setValue(PASSPHRASE);
        test(find(Button.class, preview).id("signing-preview-sign")).click();
        assertThat(preview.isOpened()).isFalse();
        view.run.completion().get(60, TimeUnit.SECONDS);
        view.showProgress();
        assertThat(signingQueue.state(signed)).contains(DocumentState.SIGNED);
        assertThat(test(view.results).size()).as("that one document, nothing else").isEqualTo(1);

        view.openPreview(waiting(sentBack));
        test(find(Button.class, find(Dialog.class).last()).id("signing-preview-return")).click();
        Dialog reason = find(Dialog.class).last();
        test(find(TextArea.class, reason).single()).setValue("Alamat di KK tidak sesuai");
        test(find(Button.class, reason).withText("Kembalikan").single()).click();
        assertThat(signingQueue.state(sentBack)).contains(DocumentState.RETURNED);
    }

    @Test
    void a_batchs_results_come_failed_first_then_skipped_then_signed_each_by_number() {
        List<DocumentOutcome> ended = List.of(
                new DocumentOutcome(3, "KK-2026-000003", DocumentOutcome.Result.SIGNED, null, null),
                new DocumentOutcome(9, "KK-2026-000009", DocumentOutcome.Result.SKIPPED, "signing.outcome.meanwhile", null),
                new DocumentOutcome(1, "KK-2026-000001", DocumentOutcome.Result.SIGNED, null, null),
                new DocumentOutcome(7, "BAST-2026-000007", DocumentOutcome.Result.FAILED, "signing.outcome.error", "X"),
                new DocumentOutcome(2, "KK-2026-000002", DocumentOutcome.Result.FAILED, "signing.outcome.error", "X"));

        assertThat(ended.stream().sorted(DocumentOutcome.FAILED_FIRST).map(DocumentOutcome::number).toList())
                .containsExactly("BAST-2026-000007", "KK-2026-000002", "KK-2026-000009", "KK-2026-000001",
                        "KK-2026-000003");
        SigningQueueView view = navigate(SigningQueueView.class);
        assertThat(view.resultsOrder.getText()).as("the order is said above the results")
                .startsWith("Yang gagal lebih dulu");
    }

    private static String cell(com.vaadin.flow.component.grid.GridTester<?, QueuedDocument> queue, int row, int column) {
        return queue.getCellComponent(row, column).getElement().getTextRecursively();
    }

    private static int row(com.vaadin.flow.component.grid.GridTester<?, QueuedDocument> queue, long id) {
        for (int row = 0; row < queue.size(); row++) {
            if (queue.getRow(row).id() == id) {
                return row;
            }
        }
        throw new AssertionError("document " + id + " is not in the queue");
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
