package io.stateway.gateway.routing;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything the data plane serves, in memory and immutable; replaced as a whole when the catalog
 * changes. A request names its API by host ({@code <api-id>.execute-api.<domain>}, as on AWS) or, where
 * its stage name belongs to one API only, by the first path segment alone.
 */
public final class RoutingTable {

    private static final Pattern EXECUTE_API_HOST =
            Pattern.compile("([a-z0-9]+)\\.execute-api\\..*", Pattern.CASE_INSENSITIVE);

    private final long revision;
    private final Map<String, Map<String, DeployedStage>> stagesByApi = new HashMap<>();
    private final Map<String, List<DeployedStage>> stagesByName = new HashMap<>();

    RoutingTable(long revision, List<DeployedStage> stages) {
        this.revision = revision;
        for (DeployedStage stage : stages) {
            stagesByApi
                    .computeIfAbsent(stage.api().apiId(), id -> new HashMap<>())
                    .put(stage.name(), stage);
            stagesByName
                    .computeIfAbsent(stage.name(), name -> new java.util.ArrayList<>())
                    .add(stage);
        }
    }

    static RoutingTable empty() {
        return new RoutingTable(-1, List.of());
    }

    public long revision() {
        return revision;
    }

    /**
     * Finds the stage a request is for.
     *
     * @param host the Host header, possibly with a port
     * @param rawPath the request path as sent
     */
    public Optional<StageRequest> resolve(String host, String rawPath) {
        String path = "/" + stripLeadingSlashes(rawPath);
        int stageEnd = path.indexOf('/', 1);
        String stageName = stageEnd < 0 ? path.substring(1) : path.substring(1, stageEnd);
        if (stageName.isEmpty()) {
            return Optional.empty();
        }
        Optional<DeployedStage> stage = stageFor(host, stageName);
        if (stage.isEmpty()) {
            return Optional.empty();
        }
        String rest = stageEnd < 0 ? "" : path.substring(stageEnd);
        String below = stripLeadingSlashes(rest);
        String resourcePath = "/" + below;
        return Optional.of(new StageRequest(stage.get(), path, resourcePath, stripTrailingSlashes(below)));
    }

    private Optional<DeployedStage> stageFor(String host, String stageName) {
        if (host != null) {
            Matcher matcher = EXECUTE_API_HOST.matcher(host);
            if (matcher.matches()) {
                Map<String, DeployedStage> stages =
                        stagesByApi.get(matcher.group(1).toLowerCase(Locale.ROOT));
                return Optional.ofNullable(stages == null ? null : stages.get(stageName));
            }
        }
        List<DeployedStage> candidates = stagesByName.get(stageName);
        return candidates != null && candidates.size() == 1 ? Optional.of(candidates.getFirst()) : Optional.empty();
    }

    private static String stripLeadingSlashes(String path) {
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        return path.substring(start);
    }

    private static String stripTrailingSlashes(String path) {
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }
}
