package io.stateway.orchestrator.api.tag;

import io.stateway.orchestrator.StepFunctionsException;
import io.stateway.orchestrator.api.Violations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The tags of resources, by ARN; at most 50 per resource, as AWS. */
@Service
public class Tags {

    public static final int MAX_TAGS = 50;

    private final TagRepository repository;

    Tags(TagRepository repository) {
        this.repository = repository;
    }

    /** Checks a tag list against AWS's model: each key 1-128 characters, each value 0-256. */
    public static void validate(Violations violations, String member, List<Tag> tags) {
        if (tags == null) {
            return;
        }
        for (int i = 0; i < tags.size(); i++) {
            Tag tag = tags.get(i);
            String at = member + "." + (i + 1) + ".member.";
            violations.required(at.substring(0, at.length() - 1), tag);
            if (tag != null) {
                violations
                        .required(at + "key", tag.key())
                        .length(at + "key", tag.key(), 1, 128)
                        .length(at + "value", tag.value(), 0, 256);
            }
        }
    }

    /** Adds or overwrites tags, in the caller's transaction (resource creation) or a new one. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void add(String resourceArn, List<Tag> tags) {
        if (tags == null || tags.isEmpty()) {
            return;
        }
        Map<String, TagEntity> current = new LinkedHashMap<>();
        repository.findByResourceArnOrderByKeyAsc(resourceArn).forEach(t -> current.put(t.key(), t));
        for (Tag tag : tags) {
            String value = tag.value() == null ? "" : tag.value();
            TagEntity existing = current.get(tag.key());
            if (existing != null) {
                existing.changeValue(value);
            } else {
                current.put(tag.key(), new TagEntity(resourceArn, tag.key(), value));
            }
        }
        if (current.size() > MAX_TAGS) {
            throw new StepFunctionsException(
                    "TooManyTags",
                    "Too many tags: resource '" + resourceArn + "' would have " + current.size()
                            + " tags, the limit is " + MAX_TAGS);
        }
        repository.saveAll(current.values());
    }

    @Transactional
    public void remove(String resourceArn, List<String> keys) {
        if (!keys.isEmpty()) {
            repository.deleteKeys(resourceArn, keys);
        }
    }

    @Transactional(readOnly = true)
    public List<Tag> list(String resourceArn) {
        return repository.findByResourceArnOrderByKeyAsc(resourceArn).stream()
                .map(t -> new Tag(t.key(), t.value()))
                .toList();
    }

    /** Forgets a deleted resource's tags. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void removeAll(String resourceArn) {
        repository.deleteResource(resourceArn);
    }
}
