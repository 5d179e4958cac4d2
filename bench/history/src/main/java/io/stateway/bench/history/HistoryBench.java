package io.stateway.bench.history;

import io.stateway.model.ExecutionStatus;
import io.stateway.orchestrator.runtime.ExecutionService;
import io.stateway.orchestrator.runtime.StartExecutionCommand;
import io.stateway.testsupport.TestDatabase;
import io.stateway.testsupport.TestServers;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The benchmark of issue 7. The orchestrator writes an execution of about 24,000 events (a Map of
 * 1,000 iterations); history-service then serves its whole history a page of 1,000 at a time (and
 * the orchestrator's own GetExecutionHistory, the peer, the same pages), its timeline, and 200 live
 * subscribers of a running execution. Goals on a 2-core machine: full history under 500 ms,
 * timeline under 200 ms, live delivery lag p99 under 250 ms. The last line is {@code ratio: R}, 500
 * ms over our full-history time.
 */
public final class HistoryBench {

    private static final String ACCOUNT = "123456789012";
    private static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/history-bench";
    private static final Pattern NEXT_TOKEN = Pattern.compile("\"nextToken\":\"([^\"]+)\"");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private HistoryBench() {}

    /** Sizes of one run: the full one, or {@code --quick} (seconds; checks the harness, rough figures). */
    record Sizes(int mapItems, int rounds, int warmups, int subscribers, int ticks) {
        static Sizes of(boolean quick) {
            return quick ? new Sizes(40, 3, 1, 20, 15) : new Sizes(1000, 10, 3, 200, 120);
        }
    }

    public static void main(String[] args) {
        try {
            run(List.of(args).contains("--quick"));
        } catch (Throwable failed) {
            failed.printStackTrace();
            // The services' non-daemon threads would keep a failed run alive.
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(boolean quick) throws Exception {
        Sizes sizes = Sizes.of(quick);
        TestDatabase database = TestServers.databaseFor(HistoryBench.class);
        System.out.println("PostgreSQL: " + TestServers.postgresDescription());
        try (TickFunction tick = new TickFunction(Duration.ofMillis(25));
                Services services = Services.start(database, tick.port())) {
            ExecutionService executions = services.orchestrator().getBean(ExecutionService.class);
            String ours = "http://127.0.0.1:" + services.historyPort();
            String peer = "http://127.0.0.1:" + services.orchestratorPort();

            long writing = System.nanoTime();
            String big = start(executions, "bench-map", "big-map", "map-" + sizes.mapItems(), items(sizes.mapItems()));
            ExecutionStatus status = awaitClosed(executions, big, Duration.ofMinutes(15));
            double writeSeconds = (System.nanoTime() - writing) / 1e9;
            if (status != ExecutionStatus.SUCCEEDED) {
                throw new IllegalStateException("The benchmark's execution ended " + status);
            }
            String history = "/v1/executions/" + URLEncoder.encode(big, StandardCharsets.UTF_8) + "/history";
            List<String> ourPages = pages(ours + history);
            List<String> peerPages = pages(peer + history);
            int events = ourPages.stream().mapToInt(HistoryBench::countEvents).sum();
            boolean identical = strip(ourPages).equals(strip(peerPages));

            String timeline = ours + "/v1/executions/" + URLEncoder.encode(big, StandardCharsets.UTF_8) + "/timeline";
            List<Timing> timings = time(
                    sizes,
                    List.of(
                            () -> pages(ours + history).size(),
                            () -> pages(peer + history).size(),
                            () -> get(timeline).length()));
            Timing oursFull = timings.get(0);
            Timing peerFull = timings.get(1);
            Timing timelineTiming = timings.get(2);

            String ticker =
                    start(executions, "bench-ticker", "ticker", "ticker-1", "{\"remaining\": " + sizes.ticks() + "}");
            LiveSubscribers.Result live = LiveSubscribers.follow(
                    URI.create(
                            ours + "/v1/executions/" + URLEncoder.encode(ticker, StandardCharsets.UTF_8) + "/events"),
                    sizes.subscribers(),
                    Clock.systemUTC(),
                    Duration.ofMinutes(3));
            awaitClosed(executions, ticker, Duration.ofMinutes(1));

            System.out.printf(
                    Locale.ROOT,
                    "%nload average %.1f on %d cores (the machine may be shared: compare figures of one run only)%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            System.out.printf(
                    Locale.ROOT,
                    "%s run: an execution of %,d events (a Map of %,d iterations), written by the orchestrator in"
                            + " %.1f s; our pages and the orchestrator's are %s%n%n",
                    quick ? "quick" : "full",
                    events,
                    sizes.mapItems(),
                    writeSeconds,
                    identical ? "byte for byte the same" : "DIFFERENT");
            System.out.printf(Locale.ROOT, "%-52s %9s %9s %9s   %s%n", "", "median", "p90", "min", "goal");
            print("full history, 1,000 a page: history-service", oursFull, "< 500 ms");
            print("full history, 1,000 a page: orchestrator (peer)", peerFull, "");
            print("timeline: history-service", timelineTiming, "< 200 ms");
            List<Double> lags = new ArrayList<>(live.lagsMillis());
            Collections.sort(lags);
            System.out.printf(
                    Locale.ROOT,
                    "%nlive: %d subscribers of a running execution, %,d deliveries: lag p50 %.0f ms, p99 %.0f ms, max %.0f"
                            + " ms (goal p99 < 250 ms); %d of %d saw the end, %d refused%n",
                    sizes.subscribers(),
                    lags.size(),
                    percentile(lags, 0.50),
                    percentile(lags, 0.99),
                    lags.isEmpty() ? Double.NaN : lags.getLast(),
                    live.completed(),
                    sizes.subscribers(),
                    live.refused());
            System.out.printf(Locale.ROOT, "ratio: %.2f%n", 500.0 / oursFull.median());
        }
    }

    /** Milliseconds per round, after warm-up rounds. */
    record Timing(List<Double> millis) {
        double median() {
            return percentile(millis, 0.5);
        }
    }

    /**
     * Milliseconds per round of each task. The tasks take turns, round by round, so that each sees
     * the same machine: on a shared machine the load changes from one second to the next.
     */
    private static List<Timing> time(Sizes sizes, List<Callable<Integer>> tasks) throws Exception {
        for (int i = 0; i < sizes.warmups(); i++) {
            for (Callable<Integer> task : tasks) {
                task.call();
            }
        }
        List<List<Double>> millis = new ArrayList<>();
        tasks.forEach(task -> millis.add(new ArrayList<>()));
        for (int i = 0; i < sizes.rounds(); i++) {
            for (int t = 0; t < tasks.size(); t++) {
                long begin = System.nanoTime();
                tasks.get(t).call();
                millis.get(t).add((System.nanoTime() - begin) / 1e6);
            }
        }
        return millis.stream()
                .map(m -> {
                    Collections.sort(m);
                    return new Timing(List.copyOf(m));
                })
                .toList();
    }

    private static void print(String label, Timing timing, String goal) {
        System.out.printf(
                Locale.ROOT,
                "%-52s %6.1f ms %6.1f ms %6.1f ms   %s%n",
                label,
                timing.median(),
                percentile(timing.millis(), 0.9),
                timing.millis().getFirst(),
                goal);
    }

    static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    /** Every page of a history, 1,000 events each, as the server sent them. */
    private static List<String> pages(String url) throws IOException, InterruptedException {
        List<String> pages = new ArrayList<>();
        String token = null;
        do {
            String body = get(url + "?maxResults=1000"
                    + (token == null ? "" : "&nextToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
            pages.add(body);
            // The token is the body's last member: look for it there only.
            Matcher next = NEXT_TOKEN.matcher(body).region(Math.max(0, body.length() - 400), body.length());
            token = next.find() ? next.group(1) : null;
        } while (token != null);
        return pages;
    }

    /** The pages without their tokens, which each service signs its own way. */
    private static List<String> strip(List<String> pages) {
        return pages.stream().map(p -> NEXT_TOKEN.matcher(p).replaceAll("")).collect(Collectors.toList());
    }

    private static int countEvents(String page) {
        return (int)
                Pattern.compile("\"previousEventId\":").matcher(page).results().count();
    }

    /** The body of a GET; a 503 (the database out of connections, on a shared server) is retried, as clients do. */
    private static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response =
                HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        for (int retry = 0; retry < 10 && response.statusCode() == 503; retry++) {
            System.err.println("503, retrying: " + url);
            LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
            response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String start(ExecutionService executions, String machine, String workload, String name, String input)
            throws IOException {
        String definition;
        try (InputStream in = HistoryBench.class.getResourceAsStream("/workloads/" + workload + ".json")) {
            definition = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return executions
                .start(new StartExecutionCommand(
                        "arn:aws:states:us-east-1:" + ACCOUNT + ":stateMachine:" + machine,
                        machine,
                        null,
                        null,
                        ROLE,
                        definition,
                        name,
                        input,
                        null))
                .executionArn();
    }

    private static ExecutionStatus awaitClosed(ExecutionService executions, String arn, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            ExecutionStatus status = executions.describe(arn).status();
            if (status != ExecutionStatus.RUNNING) {
                return status;
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        throw new IllegalStateException(arn + " did not close within " + timeout);
    }

    private static String items(int count) {
        return "{\"items\": ["
                + IntStream.range(0, count).mapToObj(Integer::toString).collect(Collectors.joining(","))
                + "]}";
    }
}
