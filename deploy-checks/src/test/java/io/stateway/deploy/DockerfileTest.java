package io.stateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.deploy.Dockerfile.Instruction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The one Dockerfile of the four images, checked without a Docker engine: its instructions, and its
 * layer extraction run on each service's real exec jar.
 */
class DockerfileTest {

    private static final Dockerfile DOCKERFILE = Dockerfile.read();
    private static final String LAUNCHER = "org.springframework.boot.loader.launch.JarLauncher";
    private static final Pattern COPY_LAYER = Pattern.compile("--from=layers /layers/extracted/([a-z-]+)/ \\./");
    private static final Pattern LAYER_INDEX = Pattern.compile("(?m)^- \"([a-z-]+)\":");

    @Test
    void stages_buildExtractLayersAndRunOnAPinnedJre() {
        assertThat(DOCKERFILE.firstLine())
                .as("BuildKit syntax (cache mounts, COPY --chmod)")
                .startsWith("# syntax=docker/dockerfile:1");
        List<Instruction> froms = DOCKERFILE.all("FROM");
        assertThat(froms).hasSize(3);
        Map<String, String> args = DOCKERFILE.globalArguments();
        for (Instruction from : froms) {
            String image = DOCKERFILE.substitute(from.arguments().split(" ")[0], args);
            assertThat(image)
                    .as("base image %s", image)
                    .matches("[a-z0-9./-]+:[0-9][A-Za-z0-9.-]*")
                    .doesNotContain(":latest");
        }
        assertThat(DOCKERFILE.substitute(froms.getLast().arguments(), args))
                .as("the runtime is a JRE")
                .contains("-jre");
        assertThat(DOCKERFILE
                        .inStage(DOCKERFILE.stage("build"), "RUN")
                        .getFirst()
                        .arguments())
                .contains("-DskipTests package")
                .contains("\"${SERVICE}\"-*-exec.jar");
    }

    @Test
    void runtime_nonRootHealthCheckedAndContainerAware() {
        int runtime = DOCKERFILE.lastStage();
        List<Instruction> users = DOCKERFILE.inStage(runtime, "USER");
        assertThat(users).hasSize(1);
        String user = users.getFirst().arguments();
        assertThat(user).as("a numeric user, so runAsNonRoot can verify it").matches("[1-9][0-9]*:[1-9][0-9]*");
        String uid = user.split(":")[0];
        assertThat(DOCKERFILE.inStage(runtime, "RUN").getFirst().arguments())
                .contains("--uid " + uid)
                .contains("--gid " + uid);
        assertThat(Integer.parseInt(uid))
                .as("the image's user is the chart's")
                .isEqualTo(Yaml.parse(Repository.read("helm/stateway/values.yaml"))
                        .at("/pod/securityContext/runAsUser")
                        .asInt());

        List<Instruction> healthchecks = DOCKERFILE.inStage(runtime, "HEALTHCHECK");
        assertThat(healthchecks).hasSize(1);
        assertThat(healthchecks.getFirst().arguments())
                .contains("--start-period=")
                .endsWith("CMD [\"/usr/local/bin/healthcheck\"]");
        assertThat(DOCKERFILE.inStage(runtime, "COPY"))
                .extracting(Instruction::arguments)
                .contains("--chmod=0555 docker/healthcheck.sh /usr/local/bin/healthcheck");

        String env = String.join(
                " ",
                DOCKERFILE.inStage(runtime, "ENV").stream()
                        .map(Instruction::arguments)
                        .toList());
        assertThat(env).contains("SERVER_PORT=${PORT}");
        Matcher options = Pattern.compile("JAVA_TOOL_OPTIONS=\"([^\"]*)\"").matcher(env);
        assertThat(options.find()).isTrue();
        assertThat(options.group(1))
                .contains("-XX:MaxRAMPercentage=")
                .contains("-XX:+ExitOnOutOfMemoryError")
                .contains("-Djava.io.tmpdir=/tmp")
                .as("heap follows the container's memory limit, not a fixed -Xmx")
                .doesNotContain("-Xmx");
        assertThat(DOCKERFILE.inStage(runtime, "EXPOSE"))
                .extracting(Instruction::arguments)
                .containsExactly("${PORT}");

        List<Instruction> entrypoints = DOCKERFILE.inStage(runtime, "ENTRYPOINT");
        assertThat(entrypoints).hasSize(1);
        JsonNode entrypoint = Yaml.parse(entrypoints.getFirst().arguments());
        assertThat(entrypoint.isArray())
                .as("exec form: the JVM is PID 1 and gets SIGTERM")
                .isTrue();
        assertThat(entrypoint.toString()).isEqualTo("[\"java\",\"-cp\",\"/app\",\"" + LAUNCHER + "\"]");
        assertThat(DOCKERFILE.inStage(runtime, "WORKDIR"))
                .extracting(Instruction::arguments)
                .containsExactly("/app");
    }

    @Test
    void dockerignore_keepsBuildOutputAndGitOutOfTheContext() {
        assertThat(Repository.read(".dockerignore").lines().toList()).contains("**/target/", ".git/");
    }

    @TempDir
    static Path extractions;

    private static final Map<String, Process> EXTRACTIONS = new HashMap<>();

    /** The layers stage's own command, on each service's exec jar; the four run side by side. */
    @BeforeAll
    static void extractEveryServicesLayers() throws IOException {
        String extract =
                DOCKERFILE.inStage(DOCKERFILE.stage("layers"), "RUN").getFirst().arguments();
        for (StatewayService service : StatewayService.ALL) {
            Path dir = Files.createDirectories(extractions.resolve(service.module()));
            List<String> command = new ArrayList<>(List.of(extract.split(" ")));
            command.set(
                    0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.set(command.indexOf("app.jar"), execJar(service).toString());
            EXTRACTIONS.put(
                    service.module(),
                    new ProcessBuilder(command)
                            .directory(dir.toFile())
                            .redirectErrorStream(true)
                            .redirectOutput(dir.resolve("extract.log").toFile())
                            .start());
        }
    }

    static Stream<StatewayService> services() {
        return StatewayService.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void layers_copiedInTheJarsOrder_extractToARunnableApplication(StatewayService service)
            throws IOException, InterruptedException {
        List<String> indexed;
        String startClass;
        try (JarFile file = new JarFile(execJar(service).toFile())) {
            indexed = matches(
                    LAYER_INDEX,
                    new String(
                            file.getInputStream(file.getEntry("BOOT-INF/layers.idx"))
                                    .readAllBytes(),
                            StandardCharsets.UTF_8));
            startClass = file.getManifest().getMainAttributes().getValue("Start-Class");
        }
        List<String> copied = new ArrayList<>();
        DOCKERFILE
                .inStage(DOCKERFILE.lastStage(), "COPY")
                .forEach(copy -> copied.addAll(matches(COPY_LAYER, copy.arguments())));
        assertThat(copied)
                .as("COPY --from=layers, in the jar's layer order (least changing first)")
                .isEqualTo(indexed);

        Path dir = extractions.resolve(service.module());
        Process process = EXTRACTIONS.get(service.module());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as("the Dockerfile's extract command: %s", Files.readString(dir.resolve("extract.log")))
                .isZero();
        Path extracted = dir.resolve("extracted");
        try (Stream<Path> layers = Files.list(extracted)) {
            assertThat(layers.map(p -> p.getFileName().toString()).sorted().toList())
                    .isEqualTo(indexed.stream().sorted().toList());
        }
        assertThat(extracted.resolve("spring-boot-loader/" + LAUNCHER.replace('.', '/') + ".class"))
                .exists();
        assertThat(extracted.resolve("application/BOOT-INF/classes/application.yaml"))
                .exists();
        assertThat(extracted.resolve("application/BOOT-INF/classes/" + startClass.replace('.', '/') + ".class"))
                .exists();
        assertThat(startClass).startsWith("io.stateway." + service.component());
    }

    private static Path execJar(StatewayService service) throws IOException {
        Path target = Repository.path(service.module() + "/target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow();
        } catch (java.nio.file.NoSuchFileException | java.util.NoSuchElementException e) {
            throw new AssertionError(
                    "no exec jar of " + service.module() + " in " + target
                            + ": build the services first (./mvnw -B -pl deploy-checks -am verify)",
                    e);
        }
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
