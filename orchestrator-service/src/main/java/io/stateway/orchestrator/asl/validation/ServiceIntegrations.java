package io.stateway.orchestrator.asl.validation;

import static io.stateway.orchestrator.asl.validation.IntegrationPattern.REQUEST_RESPONSE;
import static io.stateway.orchestrator.asl.validation.IntegrationPattern.RUN_JOB;
import static io.stateway.orchestrator.asl.validation.IntegrationPattern.RUN_JOB_V2;
import static io.stateway.orchestrator.asl.validation.IntegrationPattern.WAIT_FOR_TASK_TOKEN;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The optimized service integrations of Step Functions ({@code arn:aws:states:::service:api}) and
 * the integration patterns each supports, from AWS's "Integrating optimized services" tables. A
 * Resource naming any other optimized API is not recognized, as AWS answers for {@code
 * dynamodb:query} (which only exists as {@code aws-sdk:dynamodb:query}).
 */
final class ServiceIntegrations {

    private static final Set<IntegrationPattern> RR = EnumSet.of(REQUEST_RESPONSE);
    private static final Set<IntegrationPattern> RR_SYNC = EnumSet.of(REQUEST_RESPONSE, RUN_JOB);
    private static final Set<IntegrationPattern> RR_WAIT = EnumSet.of(REQUEST_RESPONSE, WAIT_FOR_TASK_TOKEN);
    private static final Set<IntegrationPattern> ALL_BUT_V2 =
            EnumSet.of(REQUEST_RESPONSE, RUN_JOB, WAIT_FOR_TASK_TOKEN);

    private static final Map<String, Set<IntegrationPattern>> APIS = new HashMap<>();

    static {
        api("lambda", RR_WAIT, "invoke");
        api("batch", RR_SYNC, "submitJob");
        api("dynamodb", RR, "getItem", "putItem", "deleteItem", "updateItem");
        api("ecs", ALL_BUT_V2, "runTask");
        api(
                "eks",
                RR_SYNC,
                "createCluster",
                "deleteCluster",
                "createFargateProfile",
                "deleteFargateProfile",
                "createNodegroup",
                "deleteNodegroup",
                "runJob");
        api("eks", RR, "call");
        api("sns", RR_WAIT, "publish");
        api("sqs", RR_WAIT, "sendMessage");
        api("glue", RR_SYNC, "startJobRun");
        api("databrew", RR_SYNC, "startJobRun");
        api("sagemaker", RR, "createEndpoint", "createEndpointConfig", "createModel", "updateEndpoint");
        api(
                "sagemaker",
                RR_SYNC,
                "createHyperParameterTuningJob",
                "createLabelingJob",
                "createProcessingJob",
                "createTrainingJob",
                "createTransformJob");
        api("elasticmapreduce", RR_SYNC, "createCluster", "terminateCluster", "addStep");
        api(
                "elasticmapreduce",
                RR,
                "cancelStep",
                "setClusterTerminationProtection",
                "modifyInstanceFleetByName",
                "modifyInstanceGroupByName");
        api("emr-containers", RR, "createVirtualCluster");
        api("emr-containers", RR_SYNC, "deleteVirtualCluster", "startJobRun");
        api(
                "emr-serverless",
                RR_SYNC,
                "createApplication",
                "startApplication",
                "stopApplication",
                "deleteApplication",
                "startJobRun",
                "cancelJobRun");
        api("states", EnumSet.allOf(IntegrationPattern.class), "startExecution");
        api("codebuild", RR_SYNC, "startBuild", "startBuildBatch", "retryBuildBatch");
        api("codebuild", RR, "stopBuild", "batchDeleteBuilds", "batchGetReports", "stopBuildBatch", "deleteBuildBatch");
        api("athena", RR_SYNC, "startQueryExecution");
        api("athena", RR, "stopQueryExecution", "getQueryExecution", "getQueryResults");
        api("apigateway", RR_WAIT, "invoke");
        api("events", RR_WAIT, "putEvents");
        api("mediaconvert", RR_SYNC, "createJob");
        api("bedrock", RR, "invokeModel");
        api("bedrock", RR_SYNC, "createModelCustomizationJob");
        api("http", RR, "invoke");
    }

    private ServiceIntegrations() {}

    private static void api(String service, Set<IntegrationPattern> patterns, String... actions) {
        for (String action : actions) {
            APIS.put(service + ":" + action, patterns);
        }
    }

    static boolean supports(String serviceAndAction, IntegrationPattern pattern) {
        Set<IntegrationPattern> patterns = APIS.get(serviceAndAction);
        return patterns != null && patterns.contains(pattern);
    }

    /** AWS SDK integrations take request-response or a task token; {@code .sync} is not offered. */
    static boolean supportsSdk(IntegrationPattern pattern) {
        return pattern == REQUEST_RESPONSE || pattern == WAIT_FOR_TASK_TOKEN;
    }

    static IntegrationPattern patternOf(String resourceTail) {
        for (IntegrationPattern pattern : new IntegrationPattern[] {RUN_JOB_V2, RUN_JOB, WAIT_FOR_TASK_TOKEN}) {
            if (resourceTail.endsWith(pattern.suffix())) {
                return pattern;
            }
        }
        return REQUEST_RESPONSE;
    }
}
