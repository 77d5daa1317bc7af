package id.dukcapil.portal.signing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.Outcome;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.throttle.Limit;
import id.dukcapil.portal.shared.throttle.Throttle;
import id.dukcapil.portal.shared.throttle.Throttles;
import id.dukcapil.portal.signing.CertificateInfo;
import id.dukcapil.portal.signing.SigningKey;
import org.springframework.stereotype.Component;

/**
 * Unlocks the current certificate's key with the passphrase the Kepala Dinas types. The passphrase is wiped
 * right after use; the key lives only as long as the batch that asked for it. Wrong passphrases are throttled per
 * certificate (in the database, one count for all nodes): a key file's passphrase must not be guessed through the
 * signing screen; a right one starts the count afresh.
 */
@Component
public class KeyVault {

    public record UnlockedKey(CertificateInfo certificate, SigningKey key) {
    }

    private final SigningCertificateRepository certificates;
    private final Sealer sealer;
    private final AuditLog auditLog;
    private final Clock clock;
    private final Throttle wrongPassphrases;

    KeyVault(SigningCertificateRepository certificates, Sealer sealer, AuditLog auditLog, Throttles throttles, Clock clock) {
        this.certificates = certificates;
        this.sealer = sealer;
        this.auditLog = auditLog;
        this.clock = clock;
        this.wrongPassphrases = throttles.of("signing.key.wrong-passphrase", WRONG_PASSPHRASES);
    }

    /** Wrong passphrases per certificate before the key is not tried for a while (one try back every 3 minutes). */
    public static final Limit WRONG_PASSPHRASES = Limit.of(5, Duration.ofMinutes(15));

    public UnlockedKey unlock(char[] passphrase) {
        try {
            CertificateInfo certificate = certificates.current()
                    .orElseThrow(() -> new RuleViolation("signing.certificate.none"));
            checkUsable(certificate, clock.instant());
            String throttleKey = String.valueOf(certificate.id());
            if (wrongPassphrases.spent(throttleKey)) {
                throw new RuleViolation("signing.passphrase.throttled");
            }
            try {
                SigningKey key = Pkcs12.open(sealer.open(certificates.sealedPkcs12(certificate.id())
                        .orElseThrow(() -> new RuleViolation("signing.certificate.none"))), passphrase);
                wrongPassphrases.forgive(throttleKey);
                return new UnlockedKey(certificate, key);
            } catch (RuleViolation wrong) {
                wrongPassphrases.take(throttleKey);
                auditLog.record(AuditRecord.success("signing.key.unlock", "SigningCertificate",
                        String.valueOf(certificate.id())).withOutcome(Outcome.FAILURE).withDetail("wrong passphrase"));
                throw wrong;
            }
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /** Refused: a revoked, expired or not yet valid certificate. */
    public static void checkUsable(CertificateInfo certificate, Instant now) {
        if (certificate.status() == CertificateInfo.Status.REVOKED) {
            throw new RuleViolation("signing.certificate.revoked", certificate.holderName());
        }
        if (certificate.expired(now)) {
            throw new RuleViolation("signing.certificate.expired", certificate.notAfter().toString());
        }
        if (certificate.notYetValid(now)) {
            throw new RuleViolation("signing.certificate.not-yet-valid", certificate.notBefore().toString());
        }
    }
}
