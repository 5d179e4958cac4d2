package io.stateway.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * A service's exec jar unpacked with Spring Boot's {@code jarmode=tools extract} (the jar plus a
 * {@code lib/} of plain jars). Loading classes from plain jars rather than from jars nested in a jar
 * halves a service's start-up CPU time, which decides how fast four services start on two cores.
 * Unpacked again only when the exec jar changes.
 */
final class ExtractedJar {

    private static final String STAMP = ".extracted-from";

    private ExtractedJar() {}

    /** Starts unpacking every service's jar into {@code appDir/<module>}, in parallel. */
    static Map<Service, CompletableFuture<Path>> prepareAll(Map<Service, Path> execJars, Path appDir) {
        String java = ProcessHandle.current().info().command().orElse("java");
        Map<Service, CompletableFuture<Path>> unpacking = new EnumMap<>(Service.class);
        execJars.forEach((service, jar) -> unpacking.put(service, CompletableFuture.supplyAsync(() -> {
            try {
                return prepare(jar, appDir.resolve(service.module()), java);
            } catch (IOException e) {
                throw new LauncherException("Could not unpack " + jar + ": " + e.getMessage(), e);
            }
        })));
        return unpacking;
    }

    /** The runnable jars, once unpacked. */
    static Map<Service, Path> awaitAll(Map<Service, CompletableFuture<Path>> unpacking) {
        Map<Service, Path> runnable = new EnumMap<>(Service.class);
        unpacking.forEach((service, future) -> {
            try {
                runnable.put(service, future.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof LauncherException launcher
                        ? launcher
                        : new LauncherException("Could not unpack " + service.module() + ": " + e.getCause(), e);
            }
        });
        return runnable;
    }

    /** The runnable jar in {@code directory}, (re)extracted from {@code execJar} if that changed since. */
    static Path prepare(Path execJar, Path directory, String java) throws IOException {
        String source = execJar.toAbsolutePath() + " " + Files.size(execJar) + " "
                + Files.getLastModifiedTime(execJar).toMillis();
        Path stamp = directory.resolve(STAMP);
        Path extracted = directory.resolve(execJar.getFileName());
        if (Files.exists(extracted)
                && Files.exists(stamp)
                && Files.readString(stamp).equals(source)) {
            return extracted;
        }
        deleteRecursively(directory);
        Files.createDirectories(directory.getParent());
        Process extract = new ProcessBuilder(List.of(
                        java,
                        "-Djarmode=tools",
                        "-jar",
                        execJar.toString(),
                        "extract",
                        "--destination",
                        directory.toString()))
                .redirectErrorStream(true)
                .start();
        String output = new String(extract.getInputStream().readAllBytes());
        try {
            if (extract.waitFor() != 0 || !Files.exists(extracted)) {
                throw new LauncherException("Could not unpack " + execJar + ":\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("Interrupted while unpacking " + execJar);
        }
        Files.writeString(stamp, source);
        return extracted;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
