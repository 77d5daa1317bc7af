package id.dukcapil.portal.kkprint;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.kkprint.internal.ApiClientStore;
import id.dukcapil.portal.kkprint.internal.Lifecycle;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.jdbc.Slices;
import id.dukcapil.portal.shared.RuleViolation;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ADMIN issues and revokes the keys of the IKD gateway and of each ADM kiosk. A key is shown once, when issued;
 * the portal keeps only its hash.
 */
@Service
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
public class ApiClients {

    private static final int KEY_BYTES = 32;

    private final ApiClientStore store;
    private final Lifecycle lifecycle;
    private final AuditLog auditLog;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiClients(ApiClientStore store, Lifecycle lifecycle, AuditLog auditLog, Clock clock) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** A registered client and its key, the only time the key is seen. */
    public record IssuedKey(ApiClient client, String key) {
    }

    @Transactional
    public IssuedKey issue(ApiClient.Kind kind, String name, @Nullable String location) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > ApiClient.NAME_MAX_LENGTH) {
            throw new RuleViolation("kkprint.client.name.required", ApiClient.NAME_MAX_LENGTH);
        }
        String cleanLocation = location == null || location.isBlank() ? null : location.strip();
        if (cleanLocation != null && cleanLocation.length() > ApiClient.LOCATION_MAX_LENGTH) {
            cleanLocation = cleanLocation.substring(0, ApiClient.LOCATION_MAX_LENGTH);
        }
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        String key = (kind == ApiClient.Kind.GATEWAY ? "ikd_" : "adm_")
                + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = store.insert(kind, cleanName, cleanLocation, key, clock.instant(), lifecycle.currentActor().id());
        auditLog.record(AuditRecord.success("kkprint.api-client.issued", "ApiClient", String.valueOf(id))
                .withDetail(kind + " " + cleanName));
        return new IssuedKey(store.find(id).orElseThrow(), key);
    }

    @Transactional
    public void revoke(long id) {
        if (!store.revoke(id, clock.instant())) {
            throw new RuleViolation("kkprint.client.already-revoked");
        }
        auditLog.record(AuditRecord.success("kkprint.api-client.revoked", "ApiClient", String.valueOf(id)));
    }

    @Transactional(readOnly = true)
    public Slice<ApiClient> page(Pageable page) {
        return Slices.of(store.page(page.getOffset(), page.getPageSize() + 1), page);
    }
}
