package id.dukcapil.portal.kkprint.internal;

import id.dukcapil.portal.kkprint.ApiClient;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;

/** The API keys of the IKD gateway and the ADM kiosks ({@code kkprint_api_client}), found by their hash. */
public interface ApiClientRepository extends JpaRepository<ApiClientEntity, Long> {

    Optional<ApiClientEntity> findByKeyHashAndRevokedAtIsNull(String keyHash);

    boolean existsByKeyHash(String keyHash);

    /** Newest first, without a count. */
    /** The clients in the page's order (callers give one: see {@code PageOrder}). */
    Slice<ApiClientEntity> findAllBy(Pageable page);

    /** The client whose key this is, unless revoked. */
    default Optional<ApiClient> authenticate(String key) {
        return findByKeyHashAndRevokedAtIsNull(ApiClientEntity.hashOf(key)).map(ApiClientEntity::toRecord);
    }

    default boolean exists(String key) {
        return existsByKeyHash(ApiClientEntity.hashOf(key));
    }
}
