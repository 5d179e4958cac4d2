package io.stateway.history.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The execution pages: the list at {@code /ui/executions} and one execution at {@code
 * /ui/executions/{executionArn}}. Each is a static document whose scripts ({@code /ui/*.js}, served
 * from {@code static/ui}) read the JSON APIs; nothing is loaded from elsewhere, and the
 * Content-Security-Policy says so, so that no name or payload in an execution can run as script.
 */
@Controller
class Pages {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final byte[] list = read("pages/executions.html");
    private final byte[] execution = read("pages/execution.html");

    @GetMapping("/")
    ResponseEntity<Void> home() {
        return ResponseEntity.status(302).location(URI.create("/ui/executions")).build();
    }

    @GetMapping("/ui/executions")
    ResponseEntity<byte[]> list() {
        return page(list);
    }

    @GetMapping("/ui/executions/{executionArn}")
    ResponseEntity<byte[]> execution() {
        return page(execution);
    }

    private static ResponseEntity<byte[]> page(byte[] html) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .header("Content-Security-Policy", POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .body(html);
    }

    private static byte[] read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The page " + path + " is part of the service's jar", e);
        }
    }
}
