package id.dukcapil.portal.signing.internal;

import id.dukcapil.portal.signing.CertificateInfo;
import id.dukcapil.portal.signing.CertificateInfo.Status;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The Kepala Dinas's certificates ({@code signing_certificate}); a revocation or a retirement goes through
 * {@link SigningCertificateEntity}'s methods, a new one and the key file through {@link SigningCertificateSql}.
 */
public interface SigningCertificateRepository extends JpaRepository<SigningCertificateEntity, Long>,
        SigningCertificateSql {

    List<SigningCertificateEntity> findAllByOrderByUploadedAtDescIdDesc();

    Optional<SigningCertificateEntity> findFirstByStatusInOrderByUploadedAtDescIdDesc(Collection<Status> statuses);

    Optional<SigningCertificateEntity> findByCertificateSha256(String certificateSha256);

    List<SigningCertificateEntity> findByStatus(Status status);

    boolean existsByCertificateSha256(String certificateSha256);

    default Optional<CertificateInfo> info(long id) {
        return findById(id).map(SigningCertificateEntity::toRecord);
    }

    default List<CertificateInfo> all() {
        return findAllByOrderByUploadedAtDescIdDesc().stream().map(SigningCertificateEntity::toRecord).toList();
    }

    /**
     * The newest uploaded certificate that is not retired: the one that signs, or the revoked one that may not.
     * BSrE's certificates are not uploaded: BSrE signs with them.
     */
    default Optional<CertificateInfo> current() {
        return findFirstByStatusInOrderByUploadedAtDescIdDesc(EnumSet.of(Status.ACTIVE, Status.REVOKED))
                .map(SigningCertificateEntity::toRecord);
    }

    default Optional<CertificateInfo> infoBySha256(String certificateSha256) {
        return findByCertificateSha256(certificateSha256).map(SigningCertificateEntity::toRecord);
    }
}
