package io.stateway.gateway.catalog;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApiRepository extends JpaRepository<RestApiEntity, String> {

    List<RestApiEntity> findAllByOrderByCreatedAtAsc();

    Optional<RestApiEntity> findBySourceFile(String sourceFile);
}
