package id.dukcapil.portal.signing;

import id.dukcapil.portal.signing.internal.SigningMeters;
import java.time.Clock;
import java.time.Duration;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.outside.OutsideSystems;
import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.shared.secret.NodeScope;
import id.dukcapil.portal.shared.throttle.Throttles;
import id.dukcapil.portal.signing.bsre.BsrePeer;
import id.dukcapil.portal.signing.internal.BatchLeases;
import id.dukcapil.portal.signing.internal.BsreProperties;
import id.dukcapil.portal.signing.internal.BsreSigner;
import id.dukcapil.portal.signing.internal.SigningCertificateRepository;
import id.dukcapil.portal.signing.internal.DocumentFinisher;
import id.dukcapil.portal.signing.internal.DocumentSources;
import id.dukcapil.portal.signing.internal.DocumentStore;
import id.dukcapil.portal.signing.internal.RemoteAttempts;
import id.dukcapil.portal.signing.internal.SignatureInspector;
import id.dukcapil.portal.signing.internal.SigningProperties;
import id.dukcapil.portal.signing.internal.VerificationLinks;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An office that signs through BSrE, for a test: a {@link BatchSigning} on a {@link BsreSigner} that calls a test's
 * {@link BsrePeer}, made of the shared context's beans (the context itself signs with the local key).
 */
public final class BsreTestSigning implements AutoCloseable {

    public final BsreSigner signer;
    public final BatchSigning batches;

    public BsreTestSigning(ApplicationContext context, BsreProperties bsre) {
        SigningProperties signing = context.getBean(SigningProperties.class);
        AuditLog auditLog = context.getBean(AuditLog.class);
        Clock clock = context.getBean(Clock.class);
        this.signer = new BsreSigner(bsre, signing, context.getBean(SignatureInspector.class),
                context.getBean(RemoteAttempts.class), context.getBean(SigningCertificateRepository.class), auditLog,
                context.getBean(Throttles.class), clock, context.getBean(OutsideSystems.class));
        this.batches = new BatchSigning(context.getBean(DocumentStore.class), signer,
                context.getBean(DocumentSources.class), context.getBean(DocumentFinisher.class), auditLog,
                context.getBean(CurrentActor.class), signing, context.getBean(VerificationLinks.class), clock, context.getBean(TransactionTemplate.class),
                context.getBean(SigningQueue.class), context.getBean(BatchLeases.class),
                context.getBean(NodeScope.class), context.getBean(SigningMeters.class));
    }

    /** The peer's signer, with a short in-flight margin so that a test can wait past it. */
    public static BsreProperties properties(BsrePeer peer, Duration timeout, int parallelCalls, int totpFiles) {
        return new BsreProperties(peer.url(), BsrePeer.USERNAME, BsrePeer.PASSWORD, BsrePeer.NIK, BsrePeer.SIGNER,
                "Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Bandung", "197203151998031004",
                peer.rootsPem().toString(), peer.trustPem().toString(), timeout, parallelCalls,
                BsreSigningTests.IN_FLIGHT_MARGIN, totpFiles, 0);
    }

    @Override
    public void close() {
        batches.shutdown();
        signer.close();
    }
}
