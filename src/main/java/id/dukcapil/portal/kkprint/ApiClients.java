package id.dukcapil.portal.kkprint;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.kkprint.internal.ApiClientEntity;
import id.dukcapil.portal.kkprint.internal.ApiClientRepository;
import id.dukcapil.portal.kkprint.internal.Lifecycle;
import id.dukcapil.portal.shared.PageOrder;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import jakarta.validation.Valid;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * ADMIN issues and revokes the keys of the IKD gateway and of each ADM kiosk. A key is shown once, when issued;
 * the portal keeps only its hash.
 */
@Service
@Validated
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
public class ApiClients {

    private static final int KEY_BYTES = 32;

    private final ApiClientRepository store;
    private final Lifecycle lifecycle;
    private final AuditLog auditLog;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiClients(ApiClientRepository store, Lifecycle lifecycle, AuditLog auditLog, Clock clock) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** A registered client and its key, the only time the key is seen. */
    public record IssuedKey(ApiClient client, String key) {
    }

    @Transactional
    public IssuedKey issue(@Valid ApiClientForm form) {
        String cleanName = form.name().strip();
        if (cleanName.isEmpty()) {
            throw new RuleViolation("kkprint.client.name.required", ApiClient.NAME_MAX_LENGTH);
        }
        String location = form.location();
        String cleanLocation = location == null || location.isBlank() ? null : location.strip();
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        String key = (form.kind() == ApiClient.Kind.GATEWAY ? "ikd_" : "adm_")
                + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiClient client = store.save(new ApiClientEntity(form.kind(), cleanName, cleanLocation, key, clock.instant(),
                lifecycle.currentActor().id())).toRecord();
        auditLog.record(AuditRecord.success("kkprint.api-client.issued", "ApiClient", String.valueOf(client.id()))
                .withDetail(form.kind() + " " + cleanName));
        return new IssuedKey(client, key);
    }

    /** Refused for a key already revoked, also by another admin at the same moment. */
    @Transactional
    public void revoke(long id) {
        ApiClientEntity client = store.findById(id).orElseThrow(() -> new RuleViolation("kkprint.client.already-revoked"));
        client.revoke(clock.instant());
        try {
            store.saveAndFlush(client);
        } catch (OptimisticLockingFailureException revokedMeanwhile) {
            throw new RuleViolation("kkprint.client.already-revoked");
        }
        auditLog.record(AuditRecord.success("kkprint.api-client.revoked", "ApiClient", String.valueOf(id)));
    }

    /** In the order the grid asks (kind, name, place, created), else the newest first. */
    @Transactional(readOnly = true)
    public Slice<ApiClient> page(Pageable page) {
        return store.findAllBy(PageOrder.of(page, Sort.by(Sort.Direction.DESC, "id"))).map(ApiClientEntity::toRecord);
    }
}
