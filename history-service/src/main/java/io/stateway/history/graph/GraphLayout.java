package io.stateway.history.graph;

import io.stateway.history.definition.Flow;
import io.stateway.history.definition.MachineDefinition;
import io.stateway.history.definition.StateNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays a definition out as a {@link Graph}: each flow by {@link Layers}, inside out, so that a
 * Parallel or Map state is a box as large as its branches side by side; the top level runs from a
 * start to an end.
 */
public final class GraphLayout {

    static final double MARGIN = 20;
    static final double STATE_HEIGHT = 40;
    static final double MIN_STATE_WIDTH = 136;
    static final double MAX_STATE_WIDTH = 240;
    static final double CHARACTER_WIDTH = 7.4;
    static final double TERMINAL_WIDTH = 72;
    static final double TERMINAL_HEIGHT = 28;
    /** A container's title bar, the padding inside it and the gap between its groups. */
    static final double HEADER = 32;

    static final double PADDING = 14;
    static final double GROUP_GAP = 16;
    static final double GROUP_LABEL = 24;
    /** Below a container's groups: room for its summary (a Map's iterations). */
    static final double FOOTER = 24;

    static final double MIN_CONTAINER_WIDTH = 200;

    private final List<Graph.Node> nodes = new ArrayList<>();
    private final List<Graph.Edge> edges = new ArrayList<>();
    private int nextId;

    private GraphLayout() {}

    public static Graph layout(MachineDefinition definition) {
        GraphLayout layout = new GraphLayout();
        Block root = layout.flow(definition.root(), true);
        layout.place(root, MARGIN, MARGIN, null);
        return new Graph(root.width + 2 * MARGIN, root.height + 2 * MARGIN, layout.nodes, layout.edges);
    }

    /** A flow laid out relative to its top left, not yet placed. */
    private record Block(double width, double height, List<Item> items, List<Route> routes) {}

    /** One vertex of a flow: a state (with its laid-out groups) or a terminal. */
    private record Item(
            int id,
            Graph.Kind kind,
            StateNode state,
            double x,
            double y,
            double width,
            double height,
            List<Block> groups) {}

    private record Route(
            int from, int to, Graph.EdgeKind kind, String label, boolean back, List<Layers.Point> points) {}

    private record Link(int from, int to, Graph.EdgeKind kind, String label) {}

    private Block flow(Flow flow, boolean terminals) {
        List<Item> items = new ArrayList<>();
        List<List<Block>> groups = new ArrayList<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        if (terminals) {
            items.add(item(Graph.Kind.START, null, TERMINAL_WIDTH, TERMINAL_HEIGHT, List.of()));
            groups.add(List.of());
        }
        // The start state first, so that the depth-first search (and the drawing) begins there.
        List<StateNode> states = new ArrayList<>();
        StateNode first = flow.states().get(flow.startAt());
        if (first != null) {
            states.add(first);
        }
        flow.states().values().stream().filter(s -> s != first).forEach(states::add);
        for (StateNode state : states) {
            List<Block> inner =
                    state.branches().stream().map(b -> flow(b, false)).toList();
            index.put(state.name(), items.size());
            items.add(stateItem(state, inner));
            groups.add(inner);
        }
        if (terminals) {
            items.add(item(Graph.Kind.END, null, TERMINAL_WIDTH, TERMINAL_HEIGHT, List.of()));
            groups.add(List.of());
        }

        Map<String, Link> links = new LinkedHashMap<>();
        if (terminals && first != null) {
            link(links, 0, index.get(first.name()), Graph.EdgeKind.NEXT, null);
        }
        for (StateNode state : states) {
            int from = index.get(state.name());
            for (StateNode.Transition transition : state.transitions()) {
                Integer to = index.get(transition.target());
                if (to != null) {
                    Graph.EdgeKind kind = transition.label() == null
                            ? Graph.EdgeKind.NEXT
                            : transition.label().equals("Default") ? Graph.EdgeKind.DEFAULT : Graph.EdgeKind.CHOICE;
                    link(links, from, to, kind, transition.label());
                }
            }
            for (StateNode.Transition caught : state.catches()) {
                Integer to = index.get(caught.target());
                if (to != null) {
                    link(links, from, to, Graph.EdgeKind.CATCH, caught.label());
                }
            }
            if (terminals && state.end()) {
                link(links, from, items.size() - 1, Graph.EdgeKind.NEXT, null);
            }
        }

        List<Link> linkList = List.copyOf(links.values());
        Layers.Result laid = Layers.layout(
                items.stream()
                        .map(i -> new Layers.Vertex(i.width(), i.height()))
                        .toList(),
                linkList.stream().map(l -> new Layers.Link(l.from(), l.to())).toList());
        List<Item> placed = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            placed.add(new Item(
                    item.id(),
                    item.kind(),
                    item.state(),
                    laid.x()[i],
                    laid.y()[i],
                    item.width(),
                    item.height(),
                    groups.get(i)));
        }
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < linkList.size(); i++) {
            Link link = linkList.get(i);
            routes.add(new Route(
                    items.get(link.from()).id(),
                    items.get(link.to()).id(),
                    link.kind(),
                    link.label(),
                    laid.back()[i],
                    laid.routes().get(i)));
        }
        return new Block(laid.width(), laid.height(), placed, routes);
    }

    /** Links between the same two states merge into one, their labels joined (a Choice rule and its Default). */
    private static void link(Map<String, Link> links, int from, int to, Graph.EdgeKind kind, String label) {
        boolean caught = kind == Graph.EdgeKind.CATCH;
        links.merge(from + ">" + to + (caught ? "!" : ""), new Link(from, to, kind, label), (earlier, later) -> {
            String labels = earlier.label() == null
                    ? later.label()
                    : later.label() == null ? earlier.label() : earlier.label() + " / " + later.label();
            return new Link(from, to, earlier.kind(), labels);
        });
    }

    private Item stateItem(StateNode state, List<Block> inner) {
        double textWidth = Math.min(
                MAX_STATE_WIDTH, Math.max(MIN_STATE_WIDTH, 44 + state.name().length() * CHARACTER_WIDTH));
        if (inner.isEmpty()) {
            return item(Graph.Kind.STATE, state, textWidth, STATE_HEIGHT, inner);
        }
        double width = PADDING;
        double height = 0;
        for (Block group : inner) {
            width += group.width() + 2 * PADDING + GROUP_GAP;
            height = Math.max(height, group.height() + GROUP_LABEL + PADDING);
        }
        width = Math.max(Math.max(MIN_CONTAINER_WIDTH, textWidth + 2 * PADDING), width - GROUP_GAP + PADDING);
        return item(Graph.Kind.STATE, state, width, HEADER + height + FOOTER, inner);
    }

    private Item item(Graph.Kind kind, StateNode state, double width, double height, List<Block> groups) {
        return new Item(nextId++, kind, state, 0, 0, width, height, groups);
    }

    /** Places a laid-out flow with its top left at {@code (left, top)}: its items, their groups, its edges. */
    private void place(Block block, double left, double top, Integer parent) {
        for (Item item : block.items()) {
            double x = left + item.x();
            double y = top + item.y();
            List<Graph.Group> boxes = new ArrayList<>();
            double groupLeft = x + PADDING;
            double groupsWidth = item.groups().stream()
                            .mapToDouble(g -> g.width() + 2 * PADDING)
                            .sum()
                    + GROUP_GAP * Math.max(0, item.groups().size() - 1);
            groupLeft += Math.max(0, (item.width() - 2 * PADDING - groupsWidth) / 2);
            double groupHeight = item.height() - HEADER - FOOTER;
            for (int g = 0; g < item.groups().size(); g++) {
                Block group = item.groups().get(g);
                boolean map = item.state().type().equals("Map");
                boxes.add(new Graph.Group(
                        g,
                        map ? "Item processor" : "Branch " + (g + 1),
                        groupLeft,
                        y + HEADER,
                        group.width() + 2 * PADDING,
                        groupHeight));
                groupLeft += group.width() + 2 * PADDING + GROUP_GAP;
            }
            StateNode state = item.state();
            nodes.add(new Graph.Node(
                    item.id(),
                    item.kind(),
                    state == null ? null : state.name(),
                    state == null ? null : state.type(),
                    parent,
                    round(x),
                    round(y),
                    round(item.width()),
                    round(item.height()),
                    state != null && state.retries(),
                    boxes.stream()
                            .map(b -> new Graph.Group(
                                    b.index(),
                                    b.label(),
                                    round(b.x()),
                                    round(b.y()),
                                    round(b.width()),
                                    round(b.height())))
                            .toList()));
            for (int g = 0; g < item.groups().size(); g++) {
                Block group = item.groups().get(g);
                Graph.Group box = boxes.get(g);
                place(group, box.x() + PADDING, box.y() + GROUP_LABEL, item.id());
            }
        }
        for (Route route : block.routes()) {
            edges.add(new Graph.Edge(
                    route.from(),
                    route.to(),
                    route.kind(),
                    route.label(),
                    route.back(),
                    route.points().stream()
                            .map(p -> new Graph.Point(round(left + p.x()), round(top + p.y())))
                            .toList()));
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
