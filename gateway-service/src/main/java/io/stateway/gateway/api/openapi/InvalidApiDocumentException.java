package io.stateway.gateway.api.openapi;

import java.util.List;
import java.util.stream.Collectors;

/** An API document was refused; {@link #findings()} holds every problem with its location. */
public class InvalidApiDocumentException extends RuntimeException {

    private final List<ApiFinding> findings;

    public InvalidApiDocumentException(List<ApiFinding> findings) {
        super(describe(findings));
        this.findings = List.copyOf(findings);
    }

    public List<ApiFinding> findings() {
        return findings;
    }

    private static String describe(List<ApiFinding> findings) {
        return "Errors found during import:\n"
                + findings.stream().map(f -> "\t" + f).collect(Collectors.joining("\n"));
    }
}
