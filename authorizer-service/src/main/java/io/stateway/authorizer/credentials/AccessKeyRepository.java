package io.stateway.authorizer.credentials;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccessKeyRepository extends JpaRepository<AccessKeyEntity, String> {

    List<AccessKeyEntity> findAllByOrderByCreatedAtAsc();
}
