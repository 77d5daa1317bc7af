package id.dukcapil.portal.audit.internal;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.audit.*}.
 *
 * @param chainKey the chain's HMAC key, base64 (at least 32 bytes); empty: a key file in {@code dataDir}
 * @param dataDir  where the key file (when no key is configured) and the anchors file live, outside the database
 */
@ConfigurationProperties("portal.audit")
public record AuditProperties(@Nullable String chainKey, @DefaultValue("data") Path dataDir) {
}
