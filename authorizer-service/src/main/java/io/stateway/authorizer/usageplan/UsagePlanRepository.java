package io.stateway.authorizer.usageplan;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UsagePlanRepository extends JpaRepository<UsagePlanEntity, String> {

    List<UsagePlanEntity> findAllByOrderByCreatedAtAsc();

    @Query("select p from UsagePlanEntity p join p.apiKeyIds k where k = :keyId")
    List<UsagePlanEntity> findByKey(String keyId);
}
