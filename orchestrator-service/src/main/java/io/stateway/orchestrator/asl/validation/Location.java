package io.stateway.orchestrator.asl.validation;

/**
 * Where a finding points, in AWS's notation: JSON-pointer-like segments for fields and {@code [i]}
 * for array elements ({@code /States/Foo/Choices[0]/Next}); the root renders as {@code /}.
 */
record Location(String path) {

    static final Location ROOT = new Location("");

    Location field(String name) {
        return new Location(path + "/" + name);
    }

    Location index(int index) {
        return new Location(path + "[" + index + "]");
    }

    String render() {
        return path.isEmpty() ? "/" : path;
    }
}
