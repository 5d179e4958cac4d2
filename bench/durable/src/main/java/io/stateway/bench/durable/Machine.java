package io.stateway.bench.durable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine the figures were taken on: CPUs and load, from /proc (Linux). */
final class Machine {

    private Machine() {}

    static String describe() {
        String model = "unknown CPU";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    model = line.substring(line.indexOf(':') + 1).strip();
                    break;
                }
            }
        } catch (IOException notLinux) {
            // keep "unknown CPU"
        }
        return Runtime.getRuntime().availableProcessors() + " CPUs (" + model + ")";
    }

    /** The 1, 5 and 15-minute load averages, as uptime prints them. */
    static String loadAverage() {
        try {
            List<String> fields =
                    List.of(Files.readString(Path.of("/proc/loadavg")).split(" "));
            return String.join(" ", fields.subList(0, 3));
        } catch (IOException notLinux) {
            return "unknown";
        }
    }

    static double oneMinuteLoad() {
        try {
            return Double.parseDouble(loadAverage().split(" ")[0]);
        } catch (NumberFormatException unknown) {
            return Double.NaN;
        }
    }
}
