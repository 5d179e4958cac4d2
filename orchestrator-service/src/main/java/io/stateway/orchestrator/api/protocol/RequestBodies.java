package io.stateway.orchestrator.api.protocol;

import io.stateway.orchestrator.StepFunctionsException;
import io.stateway.orchestrator.api.ApiProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/** Reads request bodies up to the configured size; a larger one is refused before it is buffered whole. */
@Component
class RequestBodies {

    private final int maxBytes;

    RequestBodies(ApiProperties properties) {
        this.maxBytes = (int)
                Math.min(Integer.MAX_VALUE - 8, properties.maxRequestSize().toBytes());
    }

    byte[] read(HttpServletRequest request) {
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw tooLarge();
            }
            return body;
        } catch (IOException clientGone) {
            throw new UncheckedIOException(clientGone);
        }
    }

    private StepFunctionsException tooLarge() {
        return new StepFunctionsException(
                "RequestEntityTooLargeException", "The request body is larger than " + maxBytes + " bytes") {
            @Override
            public int httpStatus() {
                return 413;
            }
        };
    }
}
