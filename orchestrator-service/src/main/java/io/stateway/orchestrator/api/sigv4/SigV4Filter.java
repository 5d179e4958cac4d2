package io.stateway.orchestrator.api.sigv4;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.stateway.orchestrator.StepFunctionsException;
import io.stateway.orchestrator.api.ApiClock;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requires a valid SigV4 signature on both API faces ({@code POST /} and {@code /v1/**}) when
 * {@code stateway.orchestrator.api.sigv4.verify} is on. A refused request is answered here, in
 * AWS's error shape; health, metrics and the OpenAPI document stay open.
 */
final class SigV4Filter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SigV4Filter.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SigV4Verifier verifier;
    private final ApiClock clock;
    private final long maxBodyBytes;

    SigV4Filter(SigV4Verifier verifier, ApiClock clock, long maxBodyBytes) {
        this.verifier = verifier;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        boolean awsJson = "/".equals(path) && "POST".equals(request.getMethod());
        return !awsJson && !path.equals("/v1") && !path.startsWith("/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        }
        if (body.length > maxBodyBytes) {
            refuse(
                    request,
                    response,
                    413,
                    "RequestEntityTooLargeException",
                    "The request body is larger than " + maxBodyBytes + " bytes");
            return;
        }
        try {
            String accessKey = verifier.verify(signed(request, body), clock.now());
            log.debug("{} {} signed by {}", request.getMethod(), request.getRequestURI(), accessKey);
        } catch (StepFunctionsException refused) {
            log.info("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), refused.code());
            int status = "MissingAuthenticationTokenException".equals(refused.code()) ? 403 : 400;
            refuse(request, response, status, refused.code(), refused.getMessage());
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private static ReceivedRequest signed(HttpServletRequest request, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), Collections.list(request.getHeaders(name)));
        }
        return new ReceivedRequest(
                request.getMethod(), request.getRequestURI(), request.getQueryString(), headers, body);
    }

    private record ErrorBody(@JsonProperty("__type") String type, String message) {}

    private static void refuse(
            HttpServletRequest request, HttpServletResponse response, int status, String code, String message)
            throws IOException {
        boolean awsJson = "/".equals(request.getRequestURI());
        // The REST face answers authentication failures with 403, as resource APIs do.
        response.setStatus(awsJson ? status : (status == 413 ? 413 : 403));
        response.setContentType(awsJson ? "application/x-amz-json-1.0" : "application/json");
        response.setHeader("x-amzn-ErrorType", code);
        response.getOutputStream().write(JSON.writeValueAsBytes(new ErrorBody(code, message)));
    }
}
