package io.stateway.bench.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Ranks where a JFR recording's CPU samples fall in the engine: JDK and Jackson frames say little
 * on their own, so each sample is charged to the innermost engine frame (with its line) that led
 * to it, and to every engine method on its stack (inclusive time).
 */
final class HotMethods {

    private static final String ENGINE = "io.stateway.orchestrator.";

    private HotMethods() {}

    static void print(Path recording, int limit) throws IOException {
        Map<String, Integer> topFrames = new HashMap<>();
        Map<String, Integer> innermost = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            topFrames.merge(method(frames.getFirst()), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String method = method(frame);
                if (!method.startsWith(ENGINE)) {
                    continue;
                }
                if (seen.isEmpty()) {
                    innermost.merge(method + ":" + frame.getLineNumber(), 1, Integer::sum);
                }
                if (seen.add(method)) {
                    inclusive.merge(method, 1, Integer::sum);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d CPU samples of the execute benchmark%n", samples);
        table("top of stack", topFrames, samples, limit);
        table("innermost engine frame (self time, with callees outside the engine)", innermost, samples, limit);
        table("engine methods on the stack (inclusive time)", inclusive, samples, limit);
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void table(String title, Map<String, Integer> counts, int samples, int limit) {
        System.out.println("-- " + title);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(limit)
                .forEach(entry -> System.out.printf(
                        Locale.ROOT, "%6.1f%%  %s%n", 100.0 * entry.getValue() / samples, entry.getKey()));
    }
}
