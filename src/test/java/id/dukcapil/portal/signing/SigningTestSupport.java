package id.dukcapil.portal.signing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.kkprint.internal.FamilyAtVerification;
import id.dukcapil.portal.kkprint.internal.FamilyCardHeading;
import id.dukcapil.portal.kkprint.internal.FamilyDetails;
import id.dukcapil.portal.kkprint.internal.KkDocument;
import id.dukcapil.portal.kkprint.internal.SignableFamily;
import id.dukcapil.portal.population.Resident;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.population.FamilyId;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.signing.demo.DemoCertificateAuthority;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the signing tests share: families to queue (each test its own), acting as another demo user for a moment,
 * a usable certificate again after a test spoiled it, and the events the signing module published.
 */
@TestComponent
public class SigningTestSupport implements SignableDocuments {

    public static final String PASSPHRASE = "TTE-Kadis-2026";
    public static final String SOURCE_TYPE = "TEST";

    /** Families the demo queue does not use; each call takes the next one. */
    private final AtomicLong nextFamily = new AtomicLong(100);
    private final List<DocumentSigned> signed = new CopyOnWriteArrayList<>();
    private final List<DocumentReturned> returned = new CopyOnWriteArrayList<>();

    /** The family each queued test card showed when it was queued, as kkprint keeps it at verification. */
    private final Map<String, String> familyAtQueueing = new ConcurrentHashMap<>();

    private final SigningQueue queue;
    private final Certificates certificates;
    private final PopulationRegistry registry;
    private final UserDetailsService users;
    private final JdbcTemplate jdbc;
    private final KkDocument kkDocument;
    private final MessageSource messages;
    private final java.time.Clock clock;

    SigningTestSupport(SigningQueue queue, Certificates certificates, PopulationRegistry registry,
                       UserDetailsService users, JdbcTemplate jdbc, KkDocument kkDocument, MessageSource messages,
                       java.time.Clock clock) {
        this.clock = clock;
        this.kkDocument = kkDocument;
        this.messages = messages;
        this.queue = queue;
        this.certificates = certificates;
        this.registry = registry;
        this.users = users;
        this.jdbc = jdbc;
    }

    /** A family whose card can be signed: a head, and every member's data agreeing with their NIK. */
    public Family nextFamily() {
        int misses = 0;
        while (true) {
            Optional<Family> family = registry.findFamily(FamilyId.of(nextFamily.getAndIncrement()));
            if (family.isEmpty() && ++misses > 50) {
                // Past the last family: start again (a family may then have several cards, the later superseding).
                nextFamily.set(100);
                misses = 0;
            }
            if (family.isPresent() && family.get().head().isPresent() && family.get().members().stream()
                    .allMatch(member -> member.nikDisagreements().isEmpty())) {
                return family.get();
            }
        }
    }

    /** Queues a new family's card, as the KK print module would after verification; its document id. */
    public long queueFamily() {
        return queueFamily(nextFamily());
    }

    public long queueFamily(Family family) {
        Resident head = family.head().orElseThrow();
        String sourceId = "T-" + family.id().value() + "-" + UUID.randomUUID().toString().substring(0, 8);
        familyAtQueueing.put(sourceId, FamilyAtVerification.of(family));
        return queue.submit(new SigningRequest(SOURCE_TYPE, sourceId, "KARTU_KELUARGA", "KK",
                family.kkNumber().value(), head.fullName(), head.nik().value(), clock.instant().plus(Duration.ofMinutes(5)))).value();
    }

    @Override
    public String sourceType() {
        return SOURCE_TYPE;
    }

    /** The test cards: a family card, as kkprint renders it, sent back if the family changed since queued. */
    @Override
    public Rendering render(String sourceId, SignatureBlock block) {
        Family family = familyOf(sourceId);
        SignableFamily.of(family.kkNumber(), registry);
        List<String> changes = FamilyAtVerification.differences(familyAtQueueing.get(sourceId), family, messages);
        if (!changes.isEmpty()) {
            return new Rendering.SendBack("Data keluarga berubah sejak verifikasi: " + String.join("; ", changes));
        }
        return new Rendering.Pdf(kkDocument.render(family, block));
    }

    @Override
    public Heading heading(QueuedDocument card, Locale locale) {
        return FamilyCardHeading.of(card, messages, locale);
    }

    @Override
    public List<Detail> details(String sourceId, Locale locale) {
        return FamilyDetails.of(familyOf(sourceId), messages, locale);
    }

    /** The family a queued test card shows. */
    public Family familyOf(QueuedDocument document) {
        return familyOf(document.sourceId());
    }

    private Family familyOf(String sourceId) {
        return registry.findFamily(FamilyId.of(Long.parseLong(sourceId.split("-")[1]))).orElseThrow();
    }

    public <T> T as(String username, Supplier<T> action) {
        return SignedInAs.call(users, username, action::get);
    }

    /** Uploads a certificate from a new demo CA as ADMIN, with the usual passphrase. */
    public CertificateInfo uploadCertificate(Instant notBefore, Instant notAfter) {
        byte[] pkcs12 = new DemoCertificateAuthority(notBefore).issuePkcs12("Dr. H. Asep Sukmana, M.Si.",
                PASSPHRASE.toCharArray(), notBefore, notAfter);
        return as("admin", () -> certificates.upload(pkcs12, PASSPHRASE.toCharArray(),
                "Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Bandung", "197203151998031004"));
    }

    /** After a test revoked or outlived the certificate: a fresh one signs again. */
    public void usableCertificateAgain() {
        Instant now = Instant.now();
        boolean usable = as("admin", () -> certificates.current())
                .filter(current -> current.status() == CertificateInfo.Status.ACTIVE)
                .filter(current -> !current.expired(now) && !current.notYetValid(now) && !current.expiresSoon(now))
                .isPresent();
        if (!usable) {
            uploadCertificate(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
        }
    }

    /** How often the audit log says the document was signed. */
    public int signatureEntries(long documentId) {
        return jdbc.queryForObject("""
                SELECT COUNT(*) FROM audit_entry
                WHERE action = 'signing.document.signed' AND outcome = 'SUCCESS' AND subject_id = ?""",
                Integer.class, String.valueOf(documentId));
    }

    public List<DocumentSigned> signedEvents(long documentId) {
        return signed.stream().filter(event -> event.documentId().value() == documentId).toList();
    }

    public List<DocumentReturned> returnedEvents(long documentId) {
        return returned.stream().filter(event -> event.documentId().value() == documentId).toList();
    }

    /** Runs the action once, right after the given number of these documents was signed (committed). */
    public void afterSignatures(List<Long> documentIds, int count, Runnable action) {
        hooks.add(new Hook(Set.copyOf(documentIds), count, action, new AtomicInteger()));
    }

    /**
     * From the given number of these documents on, committing a signature fails (as when the database goes away in
     * the middle of a batch): the action runs first, then the commit is rolled back. Closing it repairs the commits.
     */
    public AutoCloseable failCommitsAfter(List<Long> documentIds, int count, Runnable action) {
        CommitFailure failure = new CommitFailure(Set.copyOf(documentIds), count, action, new AtomicInteger());
        failures.add(failure);
        return () -> failures.remove(failure);
    }

    private record Hook(Set<Long> documentIds, int count, Runnable action, AtomicInteger seen) {
    }

    private record CommitFailure(Set<Long> documentIds, int count, Runnable action, AtomicInteger passed) {
    }

    private final List<Hook> hooks = new CopyOnWriteArrayList<>();
    private final List<CommitFailure> failures = new CopyOnWriteArrayList<>();

    /** Inside the signing transaction: an event counts once that transaction has committed. */
    @EventListener
    void on(DocumentSigned event) {
        for (CommitFailure failure : failures) {
            if (failure.documentIds().contains(event.documentId().value())
                    && failure.passed().incrementAndGet() > failure.count()) {
                failure.action().run();
                throw new IllegalStateException("test: the commit of document " + event.documentId() + " fails");
            }
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    committed(event);
                }
            });
        } else {
            committed(event);
        }
    }

    private void committed(DocumentSigned event) {
        signed.add(event);
        for (Hook hook : hooks) {
            if (hook.documentIds().contains(event.documentId().value()) && hook.seen().incrementAndGet() == hook.count()) {
                hook.action().run();
            }
        }
    }

    @EventListener
    void on(DocumentReturned event) {
        returned.add(event);
    }

    /** How many signed PDFs the document has stored. */
    public int storedPdfs(long documentId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM signing_document_pdf WHERE document_id = ?", Integer.class,
                documentId);
    }
}
