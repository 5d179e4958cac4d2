package io.stateway.gateway.api.openapi;

import io.stateway.gateway.api.openapi.ApiFinding.Severity;
import java.util.ArrayList;
import java.util.List;

/** Collects findings while a document is read; locations are JSON pointers. */
final class Findings {

    private final List<ApiFinding> all = new ArrayList<>();

    void error(String location, String message) {
        all.add(new ApiFinding(Severity.ERROR, location, message));
    }

    void warning(String location, String message) {
        all.add(new ApiFinding(Severity.WARNING, location, message));
    }

    boolean hasErrors() {
        return all.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    List<ApiFinding> all() {
        return List.copyOf(all);
    }

    List<ApiFinding> warnings() {
        return all.stream().filter(f -> f.severity() == Severity.WARNING).toList();
    }

    /** {@code base} + "/" + the escaped token (RFC 6901). */
    static String pointer(String base, String token) {
        return base + "/" + token.replace("~", "~0").replace("/", "~1");
    }
}
