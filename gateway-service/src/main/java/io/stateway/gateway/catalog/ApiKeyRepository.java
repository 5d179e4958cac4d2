package io.stateway.gateway.catalog;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApiKeyRepository extends JpaRepository<ApiKeyEntity, String> {

    List<ApiKeyEntity> findAllByOrderByCreatedAtAsc();

    boolean existsByKeyHash(byte[] keyHash);
}
