package io.stateway.gateway.conformance;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A table per category, each failing case with a one-line reason, and {@code N passed, M failed}. */
public final class ConformanceReport {

    private ConformanceReport() {}

    public static void print(List<CaseResult> results, PrintStream out) {
        Map<String, List<CaseResult>> byCategory = new LinkedHashMap<>();
        results.forEach(r -> byCategory
                .computeIfAbsent(r.testCase().category(), c -> new ArrayList<>())
                .add(r));
        for (Map.Entry<String, List<CaseResult>> category : byCategory.entrySet()) {
            long passed =
                    category.getValue().stream().filter(CaseResult::passed).count();
            out.printf(
                    "%s: %d passed, %d failed%n",
                    category.getKey(), passed, category.getValue().size() - passed);
            out.printf("  %-56s %s%n", "case", "result");
            for (CaseResult result : category.getValue()) {
                out.printf(
                        "  %-56s %s%n", result.testCase().id(), result.passed() ? "pass" : "FAIL  " + reason(result));
            }
            out.println();
        }
        long passed = results.stream().filter(CaseResult::passed).count();
        out.println(passed + " passed, " + (results.size() - passed) + " failed");
    }

    /** The first difference, and how many more there are. */
    static String reason(CaseResult result) {
        List<String> failures = result.failures();
        String first = failures.getFirst();
        return failures.size() == 1 ? first : first + " (+" + (failures.size() - 1) + " more)";
    }
}
