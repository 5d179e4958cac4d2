package io.stateway.orchestrator.api.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.stateway.orchestrator.api.Action;
import io.stateway.orchestrator.api.ApiError;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The AWS JSON 1.0 face of the Step Functions API: {@code POST /} with {@code X-Amz-Target:
 * AWSStepFunctions.<Action>}, as the AWS SDKs and CLI send it. It finds the action, reads its input
 * strictly, runs it and writes its output; every failure becomes AWS's error shape {@code
 * {"__type": code, "message": text}} with AWS's status, here and nowhere else.
 */
@Hidden
@RestController
class AwsJsonController {

    static final MediaType AMZ_JSON_1_0 = MediaType.parseMediaType("application/x-amz-json-1.0");
    static final String REQUEST_ID = "x-amzn-RequestId";
    static final String ERROR_TYPE = "x-amzn-ErrorType";

    private static final Logger log = LoggerFactory.getLogger(AwsJsonController.class);

    private final ActionRegistry actions;
    private final RequestBodies bodies;
    private final AwsJson json = new AwsJson();

    AwsJsonController(ActionRegistry actions, RequestBodies bodies) {
        this.actions = actions;
        this.bodies = bodies;
    }

    @PostMapping(path = "/")
    ResponseEntity<byte[]> invoke(
            @RequestHeader(name = "X-Amz-Target", required = false) String target, HttpServletRequest request) {
        String requestId = UUID.randomUUID().toString();
        try {
            Action<?, ?> action = actions.find(target);
            Object input = json.read(bodies.read(request), action.inputType());
            return respond(200, requestId, null, json.write(run(action, input)));
        } catch (UncheckedIOException clientGone) {
            log.debug("Request {} ({}): could not read the body", requestId, target, clientGone);
            return error(requestId, target, AwsJson.serialization("The request body could not be read"));
        } catch (RuntimeException failure) {
            return error(requestId, target, failure);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object run(Action<?, ?> action, Object input) {
        return ((Action<Object, Object>) action).handle(input);
    }

    private ResponseEntity<byte[]> error(String requestId, String target, RuntimeException failure) {
        ApiError error = ApiError.of(failure);
        if (error.isServerSide()) {
            log.error("Request {} ({}) failed: {}", requestId, target, error.code(), failure);
        }
        ErrorBody body = new ErrorBody(error.code(), error.message());
        return respond(error.status(), requestId, error.code(), json.write(body));
    }

    private static ResponseEntity<byte[]> respond(int status, String requestId, String errorType, byte[] body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(AMZ_JSON_1_0);
        headers.set(REQUEST_ID, requestId);
        if (errorType != null) {
            headers.set(ERROR_TYPE, errorType);
        }
        return ResponseEntity.status(status).headers(headers).body(body);
    }

    /** AWS's error shape for JSON protocols. */
    record ErrorBody(@JsonProperty("__type") String type, String message) {}
}
