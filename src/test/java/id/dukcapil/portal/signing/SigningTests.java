package id.dukcapil.portal.signing;

import static id.dukcapil.portal.signing.SigningTestSupport.PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import com.google.zxing.BarcodeFormat;
import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.population.ChangeReason;
import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.population.ResidentCorrection;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.barcode.CodeReader;
import id.dukcapil.portal.shared.throttle.Throttle;
import id.dukcapil.portal.shared.throttle.Throttles;
import id.dukcapil.portal.shared.web.PublicAddress;
import id.dukcapil.portal.signing.internal.KeyVault;
import id.dukcapil.portal.signing.internal.Pdfsig;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import id.dukcapil.portal.signing.internal.SigningCertificateEntity;
import id.dukcapil.portal.signing.internal.SigningCertificateRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

/** The Kepala Dinas signs family cards: signatures, batches, certificates, the step clock and the public record. */
@PortalTest
@WithUserDetails("kadis")
class SigningTests {

    /** The address the tests check files from (TEST-NET-1): counted apart from other classes' checks. */
    private static final String CLIENT = "192.0.2.10";

    @Autowired SigningQueue queue;
    @Autowired BatchSigning batches;
    @Autowired PublicVerification verification;
    @Autowired Certificates certificates;
    @Autowired SigningTestSupport support;
    @Autowired PublicAddress publicAddress;
    @Autowired PopulationRegistry registry;
    @Autowired TestClock clock;
    @Autowired Throttles throttles;
    @Autowired SigningCertificateRepository certificateRows;
    @Autowired org.springframework.transaction.support.TransactionTemplate transactions;

    @AfterEach
    void back_to_normal() {
        clock.reset();
        support.usableCertificateAgain();
    }

    @Test
    void a_signed_family_card_passes_pdfsig_and_the_portals_own_check() throws Exception {
        long id = support.queueFamily();

        assertThat(sign(List.of(id))).extracting(DocumentOutcome::result).containsExactly(DocumentOutcome.Result.SIGNED);
        byte[] pdf = queue.signedPdf(DocumentId.of(id)).orElseThrow();

        assertThat(Pdfsig.check(pdf)).contains("Signature is Valid.", "Total document signed");
        PdfSignatureCheck check = verification.check(pdf, CLIENT);
        assertThat(check.verdict()).isEqualTo(PdfSignatureCheck.Verdict.AUTHENTIC);
        assertThat(check.documentNumber()).isEqualTo(support.signedEvents(id).getFirst().number());
        assertThat(check.signerName()).isEqualTo("Dr. H. Asep Sukmana, M.Si.");
    }

    @Test
    void a_single_changed_byte_fails_pdfsig_and_the_portals_own_check() throws Exception {
        long id = support.queueFamily();
        sign(List.of(id));
        byte[] altered = queue.signedPdf(DocumentId.of(id)).orElseThrow();
        int[] range;
        try (PDDocument document = Loader.loadPDF(altered)) {
            range = document.getLastSignatureDictionary().getByteRange();
        }
        int inTheSignedContent = range[1] / 2;
        altered[inTheSignedContent] = (byte) (altered[inTheSignedContent] ^ 0x20);

        assertThat(Pdfsig.check(altered)).doesNotContain("Signature is Valid.");
        assertThat(verification.check(altered, CLIENT).verdict()).isEqualTo(PdfSignatureCheck.Verdict.ALTERED);
    }

    @Test
    void the_rendered_card_carries_the_family_and_a_qr_code_that_opens_its_verification_page() throws Exception {
        Family family = support.nextFamily();
        long id = support.queueFamily(family);
        sign(List.of(id));
        byte[] pdf = queue.signedPdf(DocumentId.of(id)).orElseThrow();
        String link = support.signedEvents(id).getFirst().verificationUrl();

        BufferedImage page = CodeReader.firstPage(pdf);
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(CodeReader.read(page, BarcodeFormat.QR_CODE)).isEqualTo(link);
        assertThat(link).as("the portal's one public address, as every other link (issue 54)")
                .startsWith(publicAddress.base() + "/verify/");
        assertThat(page.getWidth()).isGreaterThan(page.getHeight());
        Resident head = family.head().orElseThrow();
        assertThat(text).contains("KARTU KELUARGA", family.kkNumber().value(), head.fullName().toUpperCase(),
                head.nik().value(), "197203151998031004", "Dr. H. Asep Sukmana, M.Si.");
        assertThat(family.members()).allSatisfy(member -> assertThat(text).contains(member.nik().value()));

        String token = link.substring(link.lastIndexOf('/') + 1);
        PublicDocument shown = verification.byToken(token).orElseThrow();
        assertThat(shown.status()).isEqualTo(PublicDocument.Status.VALID);
        assertThat(shown.holderName()).isEqualTo(head.fullName());
        assertThat(shown.maskedNik()).isEqualTo(head.nik().masked()).isNotEqualTo(head.nik().value());
    }

    @Test
    void the_visible_signature_sits_upright_in_the_bottom_right_corner_of_the_landscape_card_clear_of_the_qr_code()
            throws Exception {
        long id = support.queueFamily();
        sign(List.of(id));
        byte[] pdf = queue.signedPdf(DocumentId.of(id)).orElseThrow();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage page = document.getPage(0);
            PDRectangle media = page.getMediaBox();
            PDRectangle block = document.getSignatureFields().getFirst().getWidgets().getFirst().getRectangle();
            assertThat(page.getRotation()).as("a wide page, not a turned one").isZero();
            assertThat(media.getWidth()).isGreaterThan(media.getHeight());
            assertThat(block.getLowerLeftX()).as("right half").isGreaterThan(media.getWidth() / 2);
            assertThat(block.getUpperRightY()).as("bottom half").isLessThan(media.getHeight() / 2);
            assertThat(block.getWidth()).as("upright: wider than high").isGreaterThan(block.getHeight());
        }
    }

    @Test
    void a_batch_with_one_bad_document_signs_the_others() throws Exception {
        long first = support.queueFamily();
        Family troubled = support.nextFamily();
        long bad = support.queueFamily(troubled);
        long last = support.queueFamily();
        Resident member = troubled.members().getFirst();
        support.as("admin", () -> registry.correct(member.nik(), ResidentCorrection.none()
                .withBirthDate(member.birthDate().plusYears(1).plusDays(3)), ChangeReason.BIRTH_CERTIFICATE,
                "test: the birth date no longer agrees with the NIK"));

        Map<Long, DocumentOutcome> outcomes = byDocument(sign(List.of(first, bad, last)));

        assertThat(outcomes.get(first).result()).isEqualTo(DocumentOutcome.Result.SIGNED);
        assertThat(outcomes.get(last).result()).isEqualTo(DocumentOutcome.Result.SIGNED);
        assertThat(outcomes.get(bad).result()).isEqualTo(DocumentOutcome.Result.FAILED);
        assertThat(outcomes.get(bad).messageKey()).isEqualTo("kkprint.sign.nik-disagreement");
        assertThat(queue.state(bad)).contains(DocumentState.QUEUED);
        assertThat(queue.signedPdf(DocumentId.of(bad))).isEmpty();
    }

    @Test
    void a_family_changed_since_verification_goes_back_to_the_verifier_with_the_difference_named_and_is_not_signed()
            throws Exception {
        long unchanged = support.queueFamily();
        Family family = support.nextFamily();
        long changed = support.queueFamily(family);
        Resident member = family.members().getFirst();
        support.as("admin", () -> registry.correct(member.nik(), ResidentCorrection.none()
                .withFullName(member.fullName() + " PUTRA"), ChangeReason.BIRTH_CERTIFICATE,
                "test: the name was corrected after verification"));

        Map<Long, DocumentOutcome> outcomes = byDocument(sign(List.of(unchanged, changed)));

        assertThat(outcomes.get(unchanged).result()).isEqualTo(DocumentOutcome.Result.SIGNED);
        assertThat(outcomes.get(changed).result()).isEqualTo(DocumentOutcome.Result.SKIPPED);
        assertThat(outcomes.get(changed).messageKey()).isEqualTo("signing.outcome.sent-back");
        assertThat(queue.state(changed)).contains(DocumentState.RETURNED);
        assertThat(queue.signedPdf(DocumentId.of(changed))).isEmpty();
        assertThat(support.returnedEvents(changed)).singleElement().satisfies(event -> assertThat(event.reason())
                .startsWith("Data keluarga berubah sejak verifikasi")
                .contains(member.fullName() + " PUTRA: nama berubah"));
    }

    @Test
    void a_batch_stopped_half_way_and_resumed_signs_every_document_exactly_once() throws Exception {
        // Enough documents that those already signed when the stop comes (up to a commit group and the workers'
        // documents in flight) do not finish the batch.
        List<Long> ids = IntStream.range(0, 40).mapToObj(i -> support.queueFamily()).toList();
        AtomicReference<BatchRun> running = new AtomicReference<>();
        AtomicBoolean stopWanted = new AtomicBoolean();
        support.afterSignatures(ids, 4, () -> {
            stopWanted.set(true);
            BatchRun run = running.get();
            if (run != null) {
                run.stop();
            }
        });
        BatchRun first = batches.start(ids, PASSPHRASE.toCharArray());
        running.set(first);
        if (stopWanted.get()) {
            first.stop();
        }
        first.completion().get(60, TimeUnit.SECONDS);
        assertThat(first.signed()).isBetween(4, ids.size() - 1);
        assertThat(batches.interrupted()).extracting(InterruptedBatch::id).contains(first.batchId());

        BatchRun resumed = batches.resume(first.batchId(), PASSPHRASE.toCharArray());
        resumed.completion().get(60, TimeUnit.SECONDS);

        assertEverySignedOnce(ids, first, resumed);
    }

    @Test
    void a_batch_whose_commits_fail_half_way_is_resumed_and_signs_every_document_exactly_once() throws Exception {
        List<Long> ids = IntStream.range(0, 24).mapToObj(i -> support.queueFamily()).toList();
        AtomicReference<BatchRun> running = new AtomicReference<>();
        AtomicBoolean stopWanted = new AtomicBoolean();
        BatchRun first;
        try (AutoCloseable broken = support.failCommitsAfter(ids, 6, () -> {
            stopWanted.set(true);
            BatchRun run = running.get();
            if (run != null) {
                run.stop();
            }
        })) {
            first = batches.start(ids, PASSPHRASE.toCharArray());
            running.set(first);
            if (stopWanted.get()) {
                first.stop();
            }
            first.completion().get(60, TimeUnit.SECONDS);
        }
        assertThat(first.signed()).isLessThanOrEqualTo(6);
        assertThat(first.failed()).isPositive();
        assertThat(first.outcomes()).filteredOn(outcome -> outcome.result() == DocumentOutcome.Result.FAILED)
                .allSatisfy(failed -> {
                    assertThat(queue.state(failed.documentId())).contains(DocumentState.QUEUED);
                    assertThat(queue.signedPdf(DocumentId.of(failed.documentId()))).isEmpty();
                });
        assertThat(batches.interrupted()).extracting(InterruptedBatch::id).contains(first.batchId());

        BatchRun resumed = batches.resume(first.batchId(), PASSPHRASE.toCharArray());
        resumed.completion().get(60, TimeUnit.SECONDS);

        assertEverySignedOnce(ids, first, resumed);
    }

    @Test
    void two_batches_racing_for_the_same_documents_sign_each_once() throws Exception {
        List<Long> ids = IntStream.range(0, 6).mapToObj(i -> support.queueFamily()).toList();

        BatchRun one = batches.start(ids, PASSPHRASE.toCharArray());
        BatchRun other = batches.start(ids.reversed(), PASSPHRASE.toCharArray());
        one.completion().get(60, TimeUnit.SECONDS);
        other.completion().get(60, TimeUnit.SECONDS);

        assertThat(one.signed() + other.signed()).isEqualTo(ids.size());
        assertThat(one.skipped() + other.skipped()).isEqualTo(ids.size());
        assertThat(ids).allSatisfy(id -> assertThat(support.signatureEntries(id)).isEqualTo(1));
    }

    @Test
    @WithUserDetails("verifikator")
    void a_verifier_cannot_open_the_queue_preview_or_sign() {
        assertThatThrownBy(() -> queue.queue(PageRequest.of(0, 10))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> queue.preview(1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> batches.start(List.of(1L), PASSPHRASE.toCharArray()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> queue.returnToVerifier(1, "no")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_expired_certificate_is_refused_and_nothing_is_signed() {
        Instant now = Instant.now();
        support.uploadCertificate(now.minus(Duration.ofDays(300)), now.plus(Duration.ofDays(10)));
        long id = support.queueFamily();
        clock.setInstant(now.plus(Duration.ofDays(11)));

        assertThatThrownBy(() -> batches.start(List.of(id), PASSPHRASE.toCharArray()))
                .isInstanceOfSatisfying(RuleViolation.class, violation ->
                        assertThat(violation.messageKeys()).containsExactly("signing.certificate.expired"));
        assertThat(queue.state(id)).contains(DocumentState.QUEUED);
    }

    @Test
    void a_revoked_certificate_is_refused() {
        Instant now = Instant.now();
        CertificateInfo certificate = support.uploadCertificate(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(90)));
        support.as("admin", () -> {
            certificates.revoke(certificate.id(), "key compromised (test)");
            return null;
        });
        long id = support.queueFamily();

        assertThatThrownBy(() -> batches.start(List.of(id), PASSPHRASE.toCharArray()))
                .isInstanceOfSatisfying(RuleViolation.class, violation ->
                        assertThat(violation.messageKeys()).containsExactly("signing.certificate.revoked"));
    }

    @Test
    void a_certificate_revoked_meanwhile_is_not_revoked_again_whether_read_before_or_after() {
        Instant now = Instant.now();
        CertificateInfo certificate = support.uploadCertificate(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(90)));
        support.as("admin", () -> {
            certificates.revoke(certificate.id(), "key compromised (test)");
            return null;
        });
        assertThatThrownBy(() -> support.as("admin", () -> {
            certificates.revoke(certificate.id(), "a second admin (test)");
            return null;
        })).isInstanceOfSatisfying(RuleViolation.class, violation ->
                assertThat(violation.messageKeys()).containsExactly("signing.certificate.already-revoked"));

        // Read before another admin's revocation committed: the version refuses the write, the first reason stays.
        CertificateInfo next = support.uploadCertificate(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(90)));
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            SigningCertificateEntity stale = certificateRows.findById(next.id()).orElseThrow();
            java.util.concurrent.CompletableFuture.runAsync(() -> support.as("admin", () -> {
                certificates.revoke(next.id(), "the first admin (test)");
                return null;
            })).join();
            stale.revoke(Instant.now(), "the second admin (test)");
            certificateRows.saveAndFlush(stale);
        })).isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);
        assertThat(certificateRows.info(next.id()).orElseThrow().revokedReason()).isEqualTo("the first admin (test)");
    }

    @Test
    void a_wrong_passphrase_signs_nothing() {
        long id = support.queueFamily();

        assertThatThrownBy(() -> batches.start(List.of(id), "tebakan".toCharArray()))
                .isInstanceOfSatisfying(RuleViolation.class, violation ->
                        assertThat(violation.messageKeys()).containsExactly("signing.passphrase.wrong"));
        assertThat(queue.state(id)).contains(DocumentState.QUEUED);
    }

    @Test
    void wrong_passphrases_are_throttled_and_then_even_the_right_one_waits() {
        long id = support.queueFamily();
        Throttle wrong = throttles.of("signing.key.wrong-passphrase", KeyVault.WRONG_PASSPHRASES);
        String key = String.valueOf(certificates.current().orElseThrow().id());
        wrong.forgive(key); // whatever another test's wrong passphrase left: the suite shares the database
        try {
            for (int i = 0; i < KeyVault.WRONG_PASSPHRASES.events(); i++) {
                assertThatThrownBy(() -> batches.start(List.of(id), "tebakan".toCharArray()))
                        .isInstanceOfSatisfying(RuleViolation.class, violation ->
                                assertThat(violation.messageKeys()).containsExactly("signing.passphrase.wrong"));
            }

            assertThatThrownBy(() -> batches.start(List.of(id), PASSPHRASE.toCharArray()))
                    .isInstanceOfSatisfying(RuleViolation.class, violation ->
                            assertThat(violation.messageKeys()).containsExactly("signing.passphrase.throttled"));
            assertThat(queue.state(id)).contains(DocumentState.QUEUED);
        } finally {
            wrong.forgive(key);
        }
    }

    @Test
    void a_document_sent_back_goes_to_its_source_with_the_reason_and_the_head_named() {
        long id = support.queueFamily();
        DocumentStateProbe probe = DocumentStateProbe.of(queue, id);

        queue.returnToVerifier(id, "Nama ibu kandung anggota ke-2 tidak sesuai akta");

        assertThat(queue.state(id)).contains(DocumentState.RETURNED);
        assertThat(support.returnedEvents(id)).singleElement()
                .satisfies(event -> {
                    assertThat(event.reason()).isEqualTo("Nama ibu kandung anggota ke-2 tidak sesuai akta");
                    assertThat(event.returnedBy()).isEqualTo("kadis");
                });
        assertThatThrownBy(() -> queue.returnToVerifier(id, "again")).isInstanceOf(RuleViolation.class);
        assertThat(probe.queuedBefore()).isTrue();
    }

    @Test
    void overdue_documents_come_first_in_the_queue() {
        Instant now = Instant.now();
        clock.setInstant(now.minus(Duration.ofMinutes(20)));
        long overdue = support.queueFamily();
        clock.setInstant(now);
        long fresh = support.queueFamily();

        List<QueuedDocument> waiting = queue.queue(PageRequest.of(0, 1000)).getContent();
        List<Long> order = waiting.stream().map(QueuedDocument::id).filter(id -> id == overdue || id == fresh).toList();
        assertThat(order).containsExactly(overdue, fresh);
        assertThat(waiting.stream().filter(document -> document.id() == overdue).findFirst().orElseThrow()
                .overdue(clock.instant())).isTrue();
    }

    @Test
    void a_newer_card_supersedes_the_older_and_a_revoked_card_shows_as_revoked() throws Exception {
        Family family = support.nextFamily();
        long older = support.queueFamily(family);
        sign(List.of(older));
        long newer = support.queueFamily(family);
        sign(List.of(newer));

        assertThat(verification.byToken(token(older)).orElseThrow().status()).isEqualTo(PublicDocument.Status.SUPERSEDED);
        assertThat(verification.byToken(token(newer)).orElseThrow().status()).isEqualTo(PublicDocument.Status.VALID);

        queue.revoke(newer, "issued in error (test)");
        assertThat(verification.byToken(token(newer)).orElseThrow().status()).isEqualTo(PublicDocument.Status.REVOKED);
    }

    @Test
    void junk_uploaded_for_checking_is_named_for_what_it_is() {
        assertThat(verification.check("<html>not a pdf</html>".getBytes(), CLIENT).verdict())
                .isEqualTo(PdfSignatureCheck.Verdict.NOT_A_PDF);
        assertThat(verification.check("%PDF-1.7\n garbage".getBytes(), CLIENT).verdict())
                .isEqualTo(PdfSignatureCheck.Verdict.NOT_A_PDF);
        assertThatThrownBy(() -> verification.check(new byte[PublicVerification.MAX_UPLOAD_BYTES + 1], CLIENT))
                .isInstanceOf(RuleViolation.class);
    }

    private String token(long documentId) {
        String link = support.signedEvents(documentId).getFirst().verificationUrl();
        return link.substring(link.lastIndexOf('/') + 1);
    }

    private List<DocumentOutcome> sign(List<Long> ids) throws Exception {
        return batches.start(ids, PASSPHRASE.toCharArray()).completion().get(60, TimeUnit.SECONDS);
    }

    private static Map<Long, DocumentOutcome> byDocument(List<DocumentOutcome> outcomes) {
        return outcomes.stream().collect(java.util.stream.Collectors.toMap(DocumentOutcome::documentId, o -> o));
    }

    /** Whether the document was queued before the action under test. */
    private record DocumentStateProbe(boolean queuedBefore) {
        static DocumentStateProbe of(SigningQueue queue, long id) {
            return new DocumentStateProbe(queue.state(id).orElseThrow() == DocumentState.QUEUED);
        }
    }

    /** Between the two runs, each document signed once: one signed state, one audit entry, one event, one PDF. */
    private void assertEverySignedOnce(List<Long> ids, BatchRun first, BatchRun resumed) {
        assertThat(first.signed() + resumed.signed()).isEqualTo(ids.size());
        assertThat(ids).allSatisfy(id -> {
            assertThat(queue.state(id)).contains(DocumentState.SIGNED);
            assertThat(support.signatureEntries(id)).isEqualTo(1);
            assertThat(support.signedEvents(id)).hasSize(1);
            assertThat(support.storedPdfs(id)).isEqualTo(1);
        });
        assertThat(batches.interrupted()).extracting(InterruptedBatch::id).doesNotContain(first.batchId());
    }
}
