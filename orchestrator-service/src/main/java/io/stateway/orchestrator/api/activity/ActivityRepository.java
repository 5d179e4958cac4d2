package io.stateway.orchestrator.api.activity;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface ActivityRepository extends JpaRepository<ActivityEntity, Long> {

    Optional<ActivityEntity> findByName(String name);

    List<ActivityEntity> findAllByOrderByNameAsc(Limit limit);

    List<ActivityEntity> findByNameGreaterThanOrderByNameAsc(String afterName, Limit limit);
}
