package id.dukcapil.portal.audit.internal;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.audit.*}.
 *
 * @param chainKey   the chain's HMAC key, base64 (at least 32 bytes); empty: a key file in {@code dataDir}, with the
 *                   embedded database only
 * @param dataDir    where the key file lives when no key is configured (embedded database only), and the anchors file
 *                   when no {@code anchorsDir} is set
 * @param anchorsDir where the anchors file lives, outside the database: a folder every node shares; required with an
 *                   external database
 */
@ConfigurationProperties("portal.audit")
public record AuditProperties(@Nullable String chainKey, @DefaultValue("data") Path dataDir, @Nullable Path anchorsDir) {
}
