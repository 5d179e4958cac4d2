package io.stateway.orchestrator.asl.validation;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A Map state's {@code Label}: at most 40 characters, none of whitespace, {@code ? * < > { } [ ] :
 * ; , \ | ^ ~ $ # % & ` "}, or control characters (U+0000-U+001F, U+007F-U+009F), and unique in
 * the state machine. The messages are the ones AWS gives in its ValueError for a bad label; AWS
 * checks emptiness, then length, then characters (the order is our reading of its messages).
 */
final class LabelRules {

    private static final String FORBIDDEN = "?*<>{}[]:;,\\|^~$#%&`\"";
    private static final int MAX_LENGTH = 40;

    private final Set<String> seen = new HashSet<>();

    void check(Inspection in, String label, Location at) {
        Optional<String> problem = problem(label);
        if (problem.isPresent()) {
            in.report(DiagnosticCode.INVALID_LABEL_NAME, problem.get(), at);
        } else if (!seen.add(label)) {
            in.closing(DiagnosticCode.DUPLICATE_LABEL_NAME, "Duplicate Label name: " + label, at);
        }
    }

    static Optional<String> problem(String label) {
        if (label.isEmpty()) {
            return Optional.of("Label cannot be empty");
        }
        if (label.codePointCount(0, label.length()) > MAX_LENGTH) {
            return Optional.of("Label cannot exceed " + MAX_LENGTH + " characters");
        }
        return label.codePoints()
                .filter(LabelRules::isForbidden)
                .boxed()
                .findFirst()
                .map(cp -> "Label contains invalid character: " + PythonRepr.of(Character.toString(cp)));
    }

    private static boolean isForbidden(int cp) {
        return FORBIDDEN.indexOf(cp) >= 0 || cp <= 0x20 || (cp >= 0x7F && cp <= 0x9F) || isPythonSpace(cp);
    }

    /** Python's {@code str.isspace()}: AWS's label check is Python, and "whitespace" means this set. */
    private static boolean isPythonSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
    }
}
