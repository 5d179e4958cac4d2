package io.stateway.gateway.catalog;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface StageRepository extends JpaRepository<StageEntity, StageEntity.Key> {

    List<StageEntity> findByApiIdOrderByNameAsc(String apiId);
}
