package io.stateway.gateway.routing;

/**
 * A request resolved to a stage of an API.
 *
 * @param stage the stage
 * @param requestPath the path with the stage, leading slashes collapsed ({@code $context.path})
 * @param resourcePath the path below the stage, as the proxy event's {@code path} shows it
 * @param matchPath the path below the stage without leading or trailing slashes, for matching
 */
public record StageRequest(DeployedStage stage, String requestPath, String resourcePath, String matchPath) {}
