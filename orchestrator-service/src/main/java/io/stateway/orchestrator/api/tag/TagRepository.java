package io.stateway.orchestrator.api.tag;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface TagRepository extends JpaRepository<TagEntity, TagEntity.Key> {

    List<TagEntity> findByResourceArnOrderByKeyAsc(String resourceArn);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from TagEntity t where t.resourceArn = :resourceArn and t.key in :keys")
    void deleteKeys(String resourceArn, List<String> keys);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from TagEntity t where t.resourceArn = :resourceArn")
    void deleteResource(String resourceArn);
}
