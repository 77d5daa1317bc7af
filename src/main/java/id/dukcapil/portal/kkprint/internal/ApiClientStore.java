package id.dukcapil.portal.kkprint.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.instant;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.instantOrNull;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;

import id.dukcapil.portal.kkprint.ApiClient;
import id.dukcapil.portal.shared.Sha256;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The API keys of the IKD gateway and the ADM kiosks, stored as SHA-256 of the key: a key is 32 random bytes, so
 * a fast hash is enough (nothing to guess), and a lookup by hash is one index probe per request.
 */
@Repository
public class ApiClientStore {

    private final JdbcClient jdbc;

    ApiClientStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(ApiClient.Kind kind, String name, @Nullable String location, String key, Instant at,
                       String by) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO kkprint_api_client (kind, name, location, key_hash, key_hint, created_at, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(kind.name(), name, location, Sha256.hex(key), key.substring(0, ApiClient.KEY_HINT_LENGTH), utc(at),
                        by)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public boolean exists(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM kkprint_api_client WHERE key_hash = ?").param(Sha256.hex(key))
                .query(Integer.class).single() > 0;
    }

    /** The client whose key this is, unless revoked. */
    public Optional<ApiClient> authenticate(String key) {
        return jdbc.sql("SELECT * FROM kkprint_api_client WHERE key_hash = ? AND revoked_at IS NULL")
                .param(Sha256.hex(key)).query(ApiClientStore::row).optional();
    }

    public Optional<ApiClient> find(long id) {
        return jdbc.sql("SELECT * FROM kkprint_api_client WHERE id = ?").param(id).query(ApiClientStore::row).optional();
    }

    public List<ApiClient> page(long offset, int limit) {
        return jdbc.sql("SELECT * FROM kkprint_api_client ORDER BY id DESC LIMIT ? OFFSET ?").params(limit, offset)
                .query(ApiClientStore::row).list();
    }

    public boolean revoke(long id, Instant at) {
        return jdbc.sql("UPDATE kkprint_api_client SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(utc(at), id).update() == 1;
    }

    private static ApiClient row(ResultSet rs, int rowNum) throws SQLException {
        return new ApiClient(rs.getLong("id"), ApiClient.Kind.valueOf(rs.getString("kind")), rs.getString("name"),
                rs.getString("location"), rs.getString("key_hint"), instant(rs, "created_at"),
                rs.getString("created_by"), instantOrNull(rs, "revoked_at"));
    }
}
