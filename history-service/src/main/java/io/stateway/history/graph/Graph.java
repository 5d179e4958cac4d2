package io.stateway.history.graph;

import java.util.List;

/**
 * A state machine drawn: every state (nested ones inside their Parallel or Map state) and every
 * transition, with positions in pixels from the top left. The page only draws what this says.
 */
public record Graph(double width, double height, List<Node> nodes, List<Edge> edges) {

    public enum Kind {
        START,
        END,
        STATE
    }

    /** How one state leads to another. */
    public enum EdgeKind {
        /** {@code Next}, or into the flow's end. */
        NEXT,
        /** A Choice rule. */
        CHOICE,
        DEFAULT,
        /** A {@code Catch} rule, labelled with the errors it catches. */
        CATCH
    }

    /**
     * A state, or the start or end of the machine.
     *
     * @param id its number in this graph, which edges refer to
     * @param name the state's name ({@code null} for the start and end)
     * @param type the ASL type ({@code null} for the start and end)
     * @param parent the id of the Parallel or Map state it runs in, or {@code null} at the top level
     * @param retries whether it has Retry rules
     * @param groups the branches (Parallel) or the item processor (Map) drawn inside it
     */
    public record Node(
            int id,
            Kind kind,
            String name,
            String type,
            Integer parent,
            double x,
            double y,
            double width,
            double height,
            boolean retries,
            List<Group> groups) {}

    /** A Parallel branch or a Map's item processor: a box inside its state. */
    public record Group(int index, String label, double x, double y, double width, double height) {}

    /**
     * @param back whether it leads back up, to a state visited before (a loop)
     * @param points its route, from the source's border to the target's
     */
    public record Edge(int from, int to, EdgeKind kind, String label, boolean back, List<Point> points) {}

    public record Point(double x, double y) {}
}
