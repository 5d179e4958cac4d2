package io.stateway.orchestrator.api.activity;

import io.stateway.orchestrator.StepFunctionsException;
import io.stateway.orchestrator.api.ApiClock;
import io.stateway.orchestrator.api.Arns;
import io.stateway.orchestrator.api.EncryptionConfiguration;
import io.stateway.orchestrator.api.PageTokens;
import io.stateway.orchestrator.api.StatesArn;
import io.stateway.orchestrator.api.StoredJson;
import io.stateway.orchestrator.api.tag.Tag;
import io.stateway.orchestrator.api.tag.TaggedResources;
import io.stateway.orchestrator.api.tag.Tags;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Activities: named task queues that workers poll (GetActivityTask). */
@Service
class ActivityCatalog implements TaggedResources {

    private static final String LIST_KIND = "activities";

    private final ActivityRepository activities;
    private final Tags tags;
    private final Arns arns;
    private final ApiClock clock;

    ActivityCatalog(ActivityRepository activities, Tags tags, Arns arns, ApiClock clock) {
        this.activities = activities;
        this.tags = tags;
        this.arns = arns;
        this.clock = clock;
    }

    /** Creates an activity; an existing name returns the existing activity (tags of the repeat ignored). */
    @Transactional
    CreateActivity.Output create(String name, List<Tag> newTags, String encryptionConfiguration) {
        String arn = arns.activity(name);
        Optional<ActivityEntity> existing = activities.findByName(name);
        if (existing.isPresent()) {
            return new CreateActivity.Output(arn, existing.get().creationDate());
        }
        ActivityEntity activity = activities.save(new ActivityEntity(name, encryptionConfiguration, clock.now()));
        tags.add(arn, newTags);
        return new CreateActivity.Output(arn, activity.creationDate());
    }

    /** Deletes an activity and its tags; one that does not exist is already deleted. */
    @Transactional
    void delete(StatesArn arn) {
        find(arn).ifPresent(activity -> {
            activities.delete(activity);
            tags.removeAll(arn.text());
        });
    }

    @Transactional(readOnly = true)
    DescribeActivity.Output describe(StatesArn arn) {
        ActivityEntity activity = find(arn)
                .orElseThrow(() -> new StepFunctionsException(
                        "ActivityDoesNotExist", "Activity Does Not Exist: '" + arn.text() + "'"));
        return new DescribeActivity.Output(
                arn.text(),
                activity.name(),
                activity.creationDate(),
                StoredJson.read(activity.encryptionConfiguration(), EncryptionConfiguration.class));
    }

    /** A page of activities, by name. */
    @Transactional(readOnly = true)
    ListActivities.Output list(int pageSize, String nextToken) {
        Limit limit = Limit.of(pageSize + 1);
        List<ActivityEntity> rows = nextToken == null
                ? activities.findAllByOrderByNameAsc(limit)
                : activities.findByNameGreaterThanOrderByNameAsc(
                        PageTokens.decode(LIST_KIND, nextToken, 1).getFirst(), limit);
        List<ActivityEntity> page = rows.subList(0, Math.min(pageSize, rows.size()));
        String next = rows.size() > pageSize
                ? PageTokens.encode(LIST_KIND, page.getLast().name())
                : null;
        return new ListActivities.Output(
                page.stream()
                        .map(a -> new ListActivities.Item(arns.activity(a.name()), a.name(), a.creationDate()))
                        .toList(),
                next);
    }

    @Override
    public String resourceType() {
        return "activity";
    }

    @Override
    @Transactional(readOnly = true)
    public boolean exists(StatesArn arn) {
        return find(arn).isPresent();
    }

    private Optional<ActivityEntity> find(StatesArn arn) {
        if (arn.resource().size() != 1
                || !arns.activity(arn.resource().getFirst()).equals(arn.text())) {
            return Optional.empty();
        }
        return activities.findByName(arn.resource().getFirst());
    }
}
