package io.stateway.orchestrator.api.function;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface FunctionRepository extends JpaRepository<FunctionEntity, Long> {

    Optional<FunctionEntity> findByFunctionKey(String functionKey);

    List<FunctionEntity> findAllByOrderByFunctionKeyAsc();

    long deleteByFunctionKey(String functionKey);
}
