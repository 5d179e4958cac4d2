package io.stateway.gateway.catalog;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DeploymentRepository extends JpaRepository<DeploymentEntity, String> {

    List<DeploymentEntity> findByApiIdOrderByCreatedAtAsc(String apiId);
}
