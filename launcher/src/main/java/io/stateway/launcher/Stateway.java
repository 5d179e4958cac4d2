package io.stateway.launcher;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The launcher behind the {@code ./stateway} script. {@code up} starts the suite ({@link Up}); the
 * script itself runs the conformance commands from the service jars.
 */
public final class Stateway {

    private Stateway() {}

    public static void main(String[] args) {
        List<String> arguments = Arrays.asList(args);
        if (arguments.isEmpty() || arguments.contains("--help") || arguments.contains("-h")) {
            System.out.println(LauncherOptions.USAGE);
            return;
        }
        if (!arguments.getFirst().equals("up")) {
            System.err.println("Unknown command " + arguments.getFirst() + "\n\n" + LauncherOptions.USAGE);
            System.exit(2);
        }
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(
                    arguments.subList(1, arguments.size()), System.getenv(), Path.of(System.getProperty("user.home")));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        int code = new Up(options, System.out::println).run();
        if (code != 0) {
            System.exit(code);
        }
    }
}
