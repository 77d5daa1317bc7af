package id.dukcapil.portal.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.throttle.Throttle;
import id.dukcapil.portal.shared.throttle.Throttles;
import id.dukcapil.portal.signing.DocumentSigner.SecretKind;
import id.dukcapil.portal.signing.bsre.BsrePeer;
import id.dukcapil.portal.signing.bsre.BsrePeer.Misbehaviour;
import id.dukcapil.portal.signing.internal.BsreSigner;
import id.dukcapil.portal.signing.internal.DocumentStore;
import id.dukcapil.portal.signing.internal.Pdfsig;
import id.dukcapil.portal.signing.internal.RemoteAttempts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The Kepala Dinas signs a batch through BSrE with the TOTP of the BeSign app instead of the passphrase (issue 39,
 * decision 151): a real RFC 6238 code of the test signer's secret, which the peer checks as BSrE does; the batch goes
 * in multi-file calls. Each test has a peer of its own.
 */
@PortalTest
@WithUserDetails("kadis")
class BsreTotpSigningTests {

    @Autowired ApplicationContext context;
    @Autowired DocumentStore documents;
    @Autowired RemoteAttempts attempts;
    @Autowired SigningQueue queue;
    @Autowired SigningTestSupport support;
    @Autowired Throttles throttles;
    @Autowired JdbcTemplate jdbc;
    /** The context's own signer: the office's local key. */
    @Autowired BatchSigning localKey;

    @TempDir Path folder;
    BsrePeer peer;
    final List<BsreTestSigning> offices = new ArrayList<>();

    @BeforeEach
    void aBsrePeer() throws Exception {
        peer = new BsrePeer(folder);
    }

    @AfterEach
    void stop() {
        offices.forEach(BsreTestSigning::close);
        peer.close();
    }

    @Test
    void the_peer_s_code_is_rfc_6238_s() {
        // RFC 6238, appendix B: SHA-1, T = 59 s gives 94287082; its last six digits are what a six-digit app shows.
        assertThat(BsrePeer.totp(Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(BsrePeer.totp(Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
    }

    @Test
    void a_batch_signed_with_the_besign_code_goes_in_multi_file_calls_and_each_document_is_checked_and_stored()
            throws Exception {
        List<Long> ids = queued(5);

        List<DocumentOutcome> outcomes = sign(office(Duration.ofSeconds(20), 2), ids, BsrePeer.totp(Instant.now()));

        assertThat(outcomes).extracting(DocumentOutcome::result).containsOnly(DocumentOutcome.Result.SIGNED)
                .hasSize(5);
        assertThat(peer.filesPerCall()).as("5 documents in calls of at most 2").hasSize(3)
                .allSatisfy(files -> assertThat(files).isBetween(1, 2));
        assertThat(peer.totpCalls()).isEqualTo(3);
        for (long id : ids) {
            byte[] pdf = queue.signedPdf(DocumentId.of(id)).orElseThrow();
            assertThat(Pdfsig.check(pdf)).contains("Signature is Valid.");
            assertThat(peer.signaturesOf(kkNumber(id))).isEqualTo(1);
            assertThat(attempts.count(id, RemoteAttempts.State.SIGNED)).isEqualTo(1);
            assertThat(support.storedPdfs(id)).isEqualTo(1);
        }
    }

    @Test
    void a_wrong_or_expired_code_is_refused_in_words_and_the_rest_of_the_batch_is_not_sent() throws Exception {
        List<Long> ids = queued(5);
        String expired = BsrePeer.totp(Instant.now().minus(Duration.ofMinutes(5)));
        long refusalsAudited = refusalsAudited();

        List<DocumentOutcome> outcomes = sign(office(Duration.ofSeconds(20), 2), ids, expired);

        assertThat(outcomes).extracting(DocumentOutcome::result).containsOnly(DocumentOutcome.Result.FAILED);
        assertThat(outcomes).filteredOn(outcome -> "signing.bsre.totp.refused".equals(outcome.messageKey()))
                .as("the documents of the one call sent").hasSize(peer.filesPerCall().getFirst())
                .allSatisfy(outcome -> assertThat(outcome.detail()).isEqualTo("TOTP tidak valid atau kedaluwarsa"));
        assertThat(outcomes).extracting(DocumentOutcome::messageKey)
                .containsOnly("signing.bsre.totp.refused", "signing.bsre.signer-refused");
        assertThat(peer.signCalls()).isEqualTo(1);
        assertThat(peer.signatures()).isZero();
        assertThat(refusalsAudited()).as("the refusal in the audit log, never the code").isEqualTo(refusalsAudited + 1);
        assertThat(ids).allSatisfy(id ->
                assertThat(documents.find(id).orElseThrow().state()).isEqualTo(DocumentState.QUEUED));
    }

    @Test
    void a_time_out_of_a_multi_file_call_leaves_all_its_documents_unknown_and_each_is_reconciled_and_stored_once()
            throws Exception {
        List<Long> ids = queued(3);
        BatchSigning office = office(Duration.ofMillis(1500), 3);
        peer.late(Duration.ofSeconds(4));
        peer.next(Misbehaviour.ANSWER_LATE);

        List<DocumentOutcome> unknown = sign(office, ids, BsrePeer.totp(Instant.now()));
        // The portal gave up after 1.5 s; the peer still holds its answer (4 s late). Counted from here, the next
        // answer it finishes is that one.
        int answered = peer.answered();

        assertThat(peer.filesPerCall()).containsExactly(3);
        assertThat(unknown).extracting(DocumentOutcome::messageKey).containsOnly("signing.bsre.outcome-unknown")
                .hasSize(3);
        for (long id : ids) {
            assertThat(attempts.count(id, RemoteAttempts.State.UNKNOWN)).isEqualTo(1);
            assertThat(documents.find(id).orElseThrow().state()).isEqualTo(DocumentState.QUEUED);
        }
        // The late answer goes out, to nobody: BSrE signed them all.
        await().atMost(Duration.ofSeconds(15)).until(() -> peer.answered() > answered);
        assertThat(peer.signatures()).isEqualTo(3);

        List<DocumentOutcome> signed = sign(office, ids, BsrePeer.totp(Instant.now()));

        assertThat(signed).extracting(DocumentOutcome::result).containsOnly(DocumentOutcome.Result.SIGNED).hasSize(3);
        assertThat(peer.filesPerCall()).containsExactly(3, 3);
        for (long id : ids) {
            assertThat(attempts.count(id, RemoteAttempts.State.RECONCILED)).isEqualTo(1);
            assertThat(attempts.count(id, RemoteAttempts.State.UNKNOWN)).isZero();
            assertThat(support.storedPdfs(id)).isEqualTo(1);
            assertThat(support.signatureEntries(id)).isEqualTo(1);
            assertThat(support.signedEvents(id)).hasSize(1);
        }
    }

    @Test
    void a_code_that_is_not_six_digits_is_refused_in_words_before_anything_is_sent() {
        long id = support.queueFamily();
        BatchSigning office = office(Duration.ofSeconds(20), 20);

        for (String typed : List.of("", "12345", "1234567", "12a456", "١٢٣٤٥٦")) {
            assertRefused(() -> office.start(List.of(id), SecretKind.TOTP, typed.toCharArray()), "signing.totp.format");
        }
        assertThat(peer.statusCalls()).isZero();
        assertThat(peer.signCalls()).isZero();
    }

    @Test
    void the_typed_code_is_wiped_when_the_batch_opens() throws Exception {
        char[] typed = BsrePeer.totp(Instant.now()).toCharArray();

        BatchRun run = office(Duration.ofSeconds(20), 20).start(List.of(support.queueFamily()), SecretKind.TOTP, typed);

        assertThat(typed).containsOnly('\0');
        assertThat(run.completion().get(60, TimeUnit.SECONDS)).extracting(DocumentOutcome::result)
                .containsExactly(DocumentOutcome.Result.SIGNED);
    }

    @Test
    void codes_bsre_keeps_refusing_are_throttled_and_then_refused_before_anything_is_sent() throws Exception {
        long id = support.queueFamily();
        BatchSigning office = office(Duration.ofSeconds(20), 20);
        String wrong = BsrePeer.totp(Instant.now().minus(Duration.ofHours(1)));
        Throttle refusals = throttles.of("signing.bsre.secret-refused", BsreSigner.SECRET_REFUSALS);
        String signersCodes = SecretKind.TOTP + ":" + BsrePeer.NIK;
        refusals.forgive(signersCodes); // whatever another test's wrong code left: the suite shares the database
        try {
            for (int i = 0; i < BsreSigner.SECRET_REFUSALS.events(); i++) {
                assertThat(sign(office, List.of(id), wrong)).extracting(DocumentOutcome::messageKey)
                        .containsExactly("signing.bsre.totp.refused");
            }

            assertRefused(() -> office.start(List.of(id), SecretKind.TOTP, BsrePeer.totp(Instant.now()).toCharArray()),
                    "signing.totp.throttled");
            assertThat(peer.signCalls()).isEqualTo(BsreSigner.SECRET_REFUSALS.events());
            assertThat(sign(office, List.of(id), BsrePeer.PASSPHRASE, SecretKind.PASSPHRASE))
                    .as("the passphrase has a throttle of its own").extracting(DocumentOutcome::result)
                    .containsExactly(DocumentOutcome.Result.SIGNED);
        } finally {
            refusals.forgive(signersCodes);
        }
    }

    @Test
    void the_office_s_own_key_refuses_a_totp_in_words() {
        long id = support.queueFamily();

        assertThat(localKey.secretKinds()).containsExactly(SecretKind.PASSPHRASE);
        assertRefused(() -> localKey.start(List.of(id), SecretKind.TOTP, "123456".toCharArray()),
                "signing.totp.local-key");
        assertThat(documents.find(id).orElseThrow().state()).isEqualTo(DocumentState.QUEUED);
    }

    private long refusalsAudited() {
        return jdbc.queryForObject("""
                SELECT COUNT(*) FROM audit_entry WHERE action = 'signing.bsre.secret-refused' AND outcome = 'FAILURE'
                AND detail = 'TOTP, HTTP 400 TOTP tidak valid atau kedaluwarsa'""", Long.class);
    }

    private static void assertRefused(Runnable action, String key) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(RuleViolation.class,
                violation -> assertThat(violation.messageKeys()).containsExactly(key));
    }

    private List<DocumentOutcome> sign(BatchSigning office, List<Long> ids, String code) throws Exception {
        return sign(office, ids, code, SecretKind.TOTP);
    }

    private List<DocumentOutcome> sign(BatchSigning office, List<Long> ids, String secret, SecretKind kind)
            throws Exception {
        return office.start(ids, kind, secret.toCharArray()).completion().get(90, TimeUnit.SECONDS);
    }

    private List<Long> queued(int count) {
        return IntStream.range(0, count).mapToObj(i -> support.queueFamily()).toList();
    }

    private String kkNumber(long id) {
        return documents.find(id).orElseThrow().kkNumber();
    }

    private BatchSigning office(Duration timeout, int totpFiles) {
        BsreTestSigning office = new BsreTestSigning(context, BsreTestSigning.properties(peer, timeout, 8, totpFiles));
        offices.add(office);
        return office.batches;
    }
}
