package io.stateway.orchestrator.api.tag;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The REST face of tags, by resource ARN (a state machine's or an activity's). */
@RestController
@RequestMapping("/v1/tags/{resourceArn}")
@io.swagger.v3.oas.annotations.tags.Tag(name = "Tags")
class TagController {

    private static final String ARN = "The ARN of a state machine or activity";

    private final TagResource tag;
    private final UntagResource untag;
    private final ListTagsForResource list;

    TagController(TagResource tag, UntagResource untag, ListTagsForResource list) {
        this.tag = tag;
        this.untag = untag;
        this.list = list;
    }

    record TagsBody(List<Tag> tags) {}

    @GetMapping
    @Operation(summary = "List a resource's tags (ListTagsForResource)")
    ListTagsForResource.Output list(@Parameter(description = ARN) @PathVariable String resourceArn) {
        return list.handle(new ListTagsForResource.Input(resourceArn));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Add or overwrite tags (TagResource)")
    void tag(@Parameter(description = ARN) @PathVariable String resourceArn, @RequestBody TagsBody body) {
        tag.handle(new TagResource.Input(resourceArn, body.tags()));
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove tags by key (UntagResource)")
    void untag(@Parameter(description = ARN) @PathVariable String resourceArn, @RequestParam List<String> tagKeys) {
        untag.handle(new UntagResource.Input(resourceArn, tagKeys));
    }
}
