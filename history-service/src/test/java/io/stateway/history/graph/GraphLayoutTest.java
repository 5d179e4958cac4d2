package io.stateway.history.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.history.definition.MachineDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GraphLayoutTest {

    @Test
    void layout_order_drawsEveryStateOnceBetweenStartAndEnd() throws IOException {
        Graph graph = layout("order-flow");

        assertThat(graph.nodes())
                .filteredOn(n -> n.kind() == Graph.Kind.STATE)
                .extracting(Graph.Node::name)
                .containsExactlyInAnyOrder(
                        "Receive",
                        "Validate",
                        "Prepare",
                        "Price",
                        "Reserve",
                        "Confirm",
                        "ShipItems",
                        "Ship",
                        "Backorder",
                        "Decide",
                        "Rejected",
                        "Done");
        assertThat(graph.nodes()).filteredOn(n -> n.kind() == Graph.Kind.START).hasSize(1);
        assertThat(graph.nodes()).filteredOn(n -> n.kind() == Graph.Kind.END).hasSize(1);
        assertThat(graph.nodes()).allSatisfy(n -> {
            assertThat(n.x()).isNotNegative();
            assertThat(n.y()).isNotNegative();
            assertThat(n.x() + n.width()).isLessThanOrEqualTo(graph.width());
            assertThat(n.y() + n.height()).isLessThanOrEqualTo(graph.height());
        });
    }

    @Test
    void layout_order_statesOfOneFlowDoNotOverlap() throws IOException {
        Graph graph = layout("order-flow");

        Map<Integer, List<Graph.Node>> byParent =
                graph.nodes().stream().collect(Collectors.groupingBy(n -> n.parent() == null ? -1 : n.parent()));
        byParent.values().forEach(siblings -> {
            for (Graph.Node a : siblings) {
                for (Graph.Node b : siblings) {
                    if (a != b) {
                        assertThat(overlap(a, b))
                                .as(a.name() + " and " + b.name())
                                .isFalse();
                    }
                }
            }
        });
    }

    @Test
    void layout_parallelAndMap_nestTheirStatesInsideTheirGroups() throws IOException {
        Graph graph = layout("order-flow");
        Map<String, Graph.Node> byName = byName(graph);

        Graph.Node prepare = byName.get("Prepare");
        assertThat(prepare.groups()).extracting(Graph.Group::label).containsExactly("Branch 1", "Branch 2");
        assertThat(byName.get("ShipItems").groups())
                .extracting(Graph.Group::label)
                .containsExactly("Item processor");
        assertThat(byName.get("Price").parent()).isEqualTo(prepare.id());
        assertThat(inside(byName.get("Price"), prepare.groups().get(0))).isTrue();
        assertThat(inside(byName.get("Reserve"), prepare.groups().get(1))).isTrue();
        assertThat(inside(byName.get("Confirm"), prepare.groups().get(1))).isTrue();
        assertThat(inside(
                        byName.get("Backorder"),
                        byName.get("ShipItems").groups().get(0)))
                .isTrue();
    }

    @Test
    void layout_forwardEdges_runDownFromTheSourceToTheTarget() throws IOException {
        Graph graph = layout("order-flow");
        Map<Integer, Graph.Node> byId = graph.nodes().stream().collect(Collectors.toMap(Graph.Node::id, n -> n));

        assertThat(graph.edges()).allSatisfy(edge -> {
            assertThat(edge.back()).isFalse();
            Graph.Node from = byId.get(edge.from());
            Graph.Node to = byId.get(edge.to());
            assertThat(edge.points().getFirst().y()).isEqualTo(from.y() + from.height());
            assertThat(edge.points().getLast().y()).isEqualTo(to.y());
            assertThat(to.y()).isGreaterThan(from.y());
        });
        Graph.Node ship = byName(graph).get("Ship");
        Graph.Node backorder = byName(graph).get("Backorder");
        assertThat(graph.edges())
                .filteredOn(e -> e.from() == ship.id() && e.to() == backorder.id())
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(Graph.EdgeKind.CATCH);
                    assertThat(e.label()).isEqualTo("OutOfStock");
                });
    }

    @Test
    void layout_loop_isABackEdgeRoutedRightOfTheStatesItPasses() throws IOException {
        Graph graph = layout("gated-loop");
        Map<String, Graph.Node> byName = byName(graph);
        Graph.Node step = byName.get("Step");
        Graph.Node more = byName.get("More");

        Graph.Edge loop = graph.edges().stream()
                .filter(e -> e.from() == more.id() && e.to() == step.id())
                .findFirst()
                .orElseThrow();
        assertThat(loop.back()).isTrue();
        assertThat(loop.label()).isEqualTo("rule 1");
        double lane = loop.points().get(1).x();
        assertThat(lane).isGreaterThan(Math.max(step.x() + step.width(), more.x() + more.width()));
        assertThat(lane).isLessThanOrEqualTo(graph.width());
        assertThat(step.y()).isLessThan(more.y());
    }

    @Test
    void spaced_keepsOrderAndGapsAndOtherwiseTheWantedCentres() {
        double[] placed = Layers.spaced(new double[] {100, 100, 400}, new double[] {50, 50, 50});

        assertThat(placed[1] - placed[0]).isEqualTo(50 + Layers.VERTEX_GAP);
        assertThat((placed[0] + placed[1]) / 2).isEqualTo(100);
        assertThat(placed[2]).isEqualTo(400);
    }

    private static boolean overlap(Graph.Node a, Graph.Node b) {
        return a.x() < b.x() + b.width()
                && b.x() < a.x() + a.width()
                && a.y() < b.y() + b.height()
                && b.y() < a.y() + a.height();
    }

    private static boolean inside(Graph.Node node, Graph.Group group) {
        return node.x() >= group.x()
                && node.y() >= group.y()
                && node.x() + node.width() <= group.x() + group.width()
                && node.y() + node.height() <= group.y() + group.height();
    }

    private static Map<String, Graph.Node> byName(Graph graph) {
        return graph.nodes().stream()
                .filter(n -> n.name() != null)
                .collect(Collectors.toMap(Graph.Node::name, Function.identity()));
    }

    static Graph layout(String fixture) throws IOException {
        try (InputStream in = GraphLayoutTest.class.getResourceAsStream("/asl/" + fixture + ".json")) {
            return GraphLayout.layout(MachineDefinition.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .orElseThrow());
        }
    }
}
