package io.stateway.bench.engine;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Warms code up until the JIT has finished with it. A fixed warm-up fits one machine load only:
 * C2 settles on the whole runner in about 8 s on an idle 2-core machine and in 20 s or more when
 * other builds share it, and until it does an execution costs ten times as much. So the work runs
 * until two windows in a row pass with (almost) no compilation, then JMH's own warm-up follows.
 * One quiet window is not enough on a loaded machine: a starved compiler thread can pause between
 * two compilations that still matter.
 */
final class JitSettling {

    private static final Duration WINDOW = Duration.ofSeconds(2);
    private static final int QUIET_WINDOWS = 2;
    private static final Duration AT_LEAST = Duration.ofSeconds(8);
    private static final Duration AT_MOST = Duration.ofSeconds(90);
    /** Compilation per window that still counts as settled: the odd cold path, not the hot loop. */
    private static final long QUIET_MILLIS = 10;

    private JitSettling() {}

    /** Runs {@code work} over and over until the JIT is quiet; returns how long that took. */
    static Duration settle(Runnable work) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime();
        long windowStart = start;
        long compiledBefore = jit.getTotalCompilationTime();
        int quietWindows = 0;
        while (true) {
            work.run();
            long now = System.nanoTime();
            if (now - windowStart < WINDOW.toNanos()) {
                continue;
            }
            long compiled = jit.getTotalCompilationTime() - compiledBefore;
            quietWindows = compiled < QUIET_MILLIS ? quietWindows + 1 : 0;
            Duration elapsed = Duration.ofNanos(now - start);
            if ((quietWindows >= QUIET_WINDOWS && elapsed.compareTo(AT_LEAST) >= 0)
                    || elapsed.compareTo(AT_MOST) >= 0) {
                return elapsed;
            }
            windowStart = now;
            compiledBefore = jit.getTotalCompilationTime();
        }
    }
}
