package io.stateway.orchestrator.api.tag;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

@Entity
@Table(name = "tags")
@IdClass(TagEntity.Key.class)
class TagEntity {

    @Id
    @Column(name = "resource_arn")
    private String resourceArn;

    @Id
    private String key;

    @Column(nullable = false)
    private String value;

    protected TagEntity() {}

    TagEntity(String resourceArn, String key, String value) {
        this.resourceArn = resourceArn;
        this.key = key;
        this.value = value;
    }

    String key() {
        return key;
    }

    String value() {
        return value;
    }

    void changeValue(String newValue) {
        this.value = newValue;
    }

    record Key(String resourceArn, String key) implements Serializable {}
}
