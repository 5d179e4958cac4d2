package io.stateway.authorizer.apikey;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApiKeyRepository extends JpaRepository<ApiKeyEntity, String> {

    boolean existsByKeyHash(byte[] keyHash);

    List<ApiKeyEntity> findAllByOrderByCreatedAtAsc();
}
