package io.stateway.gateway.catalog;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface UsagePlanRepository extends JpaRepository<UsagePlanEntity, String> {

    List<UsagePlanEntity> findAllByOrderByCreatedAtAsc();
}
