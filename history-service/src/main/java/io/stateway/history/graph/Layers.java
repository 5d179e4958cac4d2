package io.stateway.history.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * A layered (Sugiyama-style) layout of one flow, top to bottom: cycles broken by a depth-first
 * search from the first vertex, ranks by longest path, long edges split by dummy vertices, layers
 * ordered by barycentres in alternating sweeps, and x positions as close as the spacing allows to
 * the mean of each vertex's neighbours (an isotonic regression per layer). Edges that go back up (a
 * loop) are routed round the right of the vertices they pass.
 */
final class Layers {

    static final double RANK_GAP = 56;
    static final double VERTEX_GAP = 30;
    static final double DUMMY_WIDTH = 12;
    static final double LOOP_GAP = 22;
    private static final int SWEEPS = 6;

    private Layers() {}

    record Vertex(double width, double height) {}

    record Link(int from, int to) {}

    /**
     * @param x each vertex's left edge
     * @param y each vertex's top edge
     * @param routes each link's points, from its source to its target
     * @param back which links go back up (loops)
     */
    record Result(double width, double height, double[] x, double[] y, List<List<Point>> routes, boolean[] back) {}

    record Point(double x, double y) {}

    static Result layout(List<Vertex> vertices, List<Link> links) {
        int n = vertices.size();
        if (n == 0) {
            return new Result(0, 0, new double[0], new double[0], List.of(), new boolean[0]);
        }
        List<List<Integer>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>());
        }
        for (int i = 0; i < links.size(); i++) {
            out.get(links.get(i).from()).add(i);
        }
        // Depth-first from vertex 0, then from any vertex not reached: a link to a vertex on the stack is a loop.
        boolean[] back = new boolean[links.size()];
        int[] discovery = new int[n];
        Arrays.fill(discovery, -1);
        boolean[] onStack = new boolean[n];
        int[] counter = {0};
        for (int root = 0; root < n; root++) {
            if (discovery[root] < 0) {
                depthFirst(root, links, out, discovery, onStack, back, counter);
            }
        }
        // Longest path ranks over the forward links.
        int[] rank = new int[n];
        int[] indegree = new int[n];
        for (int i = 0; i < links.size(); i++) {
            if (!back[i]) {
                indegree[links.get(i).to()]++;
            }
        }
        Deque<Integer> ready = new ArrayDeque<>();
        for (int v = 0; v < n; v++) {
            if (indegree[v] == 0) {
                ready.add(v);
            }
        }
        while (!ready.isEmpty()) {
            int v = ready.poll();
            for (int i : out.get(v)) {
                if (!back[i]) {
                    Link link = links.get(i);
                    rank[link.to()] = Math.max(rank[link.to()], rank[v] + 1);
                    if (--indegree[link.to()] == 0) {
                        ready.add(link.to());
                    }
                }
            }
        }
        int ranks = Arrays.stream(rank).max().orElse(0) + 1;

        // Vertices of the layering: the real ones, then a dummy per rank a forward link skips.
        List<Double> widths = new ArrayList<>();
        List<Integer> layerOf = new ArrayList<>();
        List<Double> order = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            widths.add(vertices.get(v).width());
            layerOf.add(rank[v]);
            order.add((double) discovery[v]);
        }
        List<List<Integer>> up = new ArrayList<>();
        List<List<Integer>> down = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            up.add(new ArrayList<>());
            down.add(new ArrayList<>());
        }
        List<List<Integer>> chains = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            List<Integer> chain = new ArrayList<>();
            Link link = links.get(i);
            if (!back[i]) {
                int previous = link.from();
                for (int r = rank[link.from()] + 1; r < rank[link.to()]; r++) {
                    int dummy = widths.size();
                    widths.add(DUMMY_WIDTH);
                    layerOf.add(r);
                    order.add(discovery[link.from()] + 0.5);
                    up.add(new ArrayList<>());
                    down.add(new ArrayList<>());
                    down.get(previous).add(dummy);
                    up.get(dummy).add(previous);
                    chain.add(dummy);
                    previous = dummy;
                }
                down.get(previous).add(link.to());
                up.get(link.to()).add(previous);
            }
            chains.add(chain);
        }
        int total = widths.size();
        List<List<Integer>> layers = new ArrayList<>();
        for (int r = 0; r < ranks; r++) {
            layers.add(new ArrayList<>());
        }
        Integer[] byOrder = new Integer[total];
        for (int v = 0; v < total; v++) {
            byOrder[v] = v;
        }
        Arrays.sort(byOrder, Comparator.comparingDouble(order::get));
        for (int v : byOrder) {
            layers.get(layerOf.get(v)).add(v);
        }

        double[] position = new double[total];
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            boolean downwards = sweep % 2 == 0;
            for (int k = 1; k < ranks; k++) {
                int r = downwards ? k : ranks - 1 - k;
                List<Integer> layer = layers.get(r);
                indexPositions(layers.get(downwards ? r - 1 : r + 1), position);
                indexPositions(layer, position);
                double[] key = new double[total];
                for (int v : layer) {
                    List<Integer> neighbours = downwards ? up.get(v) : down.get(v);
                    key[v] = neighbours.isEmpty()
                            ? position[v]
                            : neighbours.stream()
                                    .mapToDouble(u -> position[u])
                                    .average()
                                    .orElse(0);
                }
                layer.sort(Comparator.comparingDouble(v -> key[v]));
            }
        }

        // x: centres, first packed, then pulled towards their neighbours' mean.
        double[] centre = new double[total];
        for (List<Integer> layer : layers) {
            double left = 0;
            for (int v : layer) {
                centre[v] = left + widths.get(v) / 2;
                left += widths.get(v) + VERTEX_GAP;
            }
        }
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            boolean downwards = sweep % 2 == 0;
            for (int k = 0; k < ranks; k++) {
                int r = downwards ? k : ranks - 1 - k;
                List<Integer> layer = layers.get(r);
                double[] wanted = new double[layer.size()];
                for (int i = 0; i < layer.size(); i++) {
                    int v = layer.get(i);
                    List<Integer> neighbours = new ArrayList<>(downwards ? up.get(v) : down.get(v));
                    if (neighbours.isEmpty()) {
                        neighbours = downwards ? down.get(v) : up.get(v);
                    }
                    wanted[i] = neighbours.isEmpty()
                            ? centre[v]
                            : neighbours.stream()
                                    .mapToDouble(u -> centre[u])
                                    .average()
                                    .orElse(0);
                }
                double[] placed =
                        spaced(wanted, layer.stream().mapToDouble(widths::get).toArray());
                for (int i = 0; i < layer.size(); i++) {
                    centre[layer.get(i)] = placed[i];
                }
            }
        }
        double minLeft = Double.MAX_VALUE;
        for (int v = 0; v < total; v++) {
            minLeft = Math.min(minLeft, centre[v] - widths.get(v) / 2);
        }
        for (int v = 0; v < total; v++) {
            centre[v] -= minLeft;
        }

        // y: each rank as tall as its tallest vertex, vertices centred in it.
        double[] rankTop = new double[ranks];
        double[] rankHeight = new double[ranks];
        for (int v = 0; v < n; v++) {
            rankHeight[rank[v]] = Math.max(rankHeight[rank[v]], vertices.get(v).height());
        }
        for (int r = 1; r < ranks; r++) {
            rankTop[r] = rankTop[r - 1] + rankHeight[r - 1] + RANK_GAP;
        }
        double[] x = new double[n];
        double[] y = new double[n];
        double width = 0;
        for (int v = 0; v < total; v++) {
            width = Math.max(width, centre[v] + widths.get(v) / 2);
        }
        for (int v = 0; v < n; v++) {
            x[v] = centre[v] - vertices.get(v).width() / 2;
            y[v] = rankTop[rank[v]] + (rankHeight[rank[v]] - vertices.get(v).height()) / 2;
        }

        List<List<Point>> routes = new ArrayList<>();
        int loops = 0;
        for (int i = 0; i < links.size(); i++) {
            Link link = links.get(i);
            int from = link.from();
            int to = link.to();
            List<Point> route = new ArrayList<>();
            if (!back[i]) {
                route.add(new Point(centre[from], y[from] + vertices.get(from).height()));
                for (int dummy : chains.get(i)) {
                    int r = layerOf.get(dummy);
                    route.add(new Point(centre[dummy], rankTop[r]));
                    route.add(new Point(centre[dummy], rankTop[r] + rankHeight[r]));
                }
                route.add(new Point(centre[to], y[to]));
            } else {
                double fromMiddle = y[from] + vertices.get(from).height() / 2;
                double toMiddle = y[to] + vertices.get(to).height() / 2;
                double right = 0;
                for (int v = 0; v < total; v++) {
                    int r = layerOf.get(v);
                    if (r >= rank[to] && r <= rank[from]) {
                        right = Math.max(right, centre[v] + widths.get(v) / 2);
                    }
                }
                double lane = right + LOOP_GAP + 10 * loops++;
                double offset = from == to ? vertices.get(from).height() / 4 : 0;
                route.add(new Point(x[from] + vertices.get(from).width(), fromMiddle + offset));
                route.add(new Point(lane, fromMiddle + offset));
                route.add(new Point(lane, toMiddle - offset));
                route.add(new Point(x[to] + vertices.get(to).width(), toMiddle - offset));
                width = Math.max(width, lane + 4);
            }
            routes.add(route);
        }
        double height = rankTop[ranks - 1] + rankHeight[ranks - 1];
        return new Result(width, height, x, y, routes, back);
    }

    private static void depthFirst(
            int root,
            List<Link> links,
            List<List<Integer>> out,
            int[] discovery,
            boolean[] onStack,
            boolean[] back,
            int[] counter) {
        // Iterative, so that a long chain of states cannot overflow the stack.
        Deque<int[]> stack = new ArrayDeque<>();
        discovery[root] = counter[0]++;
        onStack[root] = true;
        stack.push(new int[] {root, 0});
        while (!stack.isEmpty()) {
            int[] frame = stack.peek();
            int v = frame[0];
            if (frame[1] == out.get(v).size()) {
                onStack[v] = false;
                stack.pop();
                continue;
            }
            int i = out.get(v).get(frame[1]++);
            int to = links.get(i).to();
            if (discovery[to] < 0) {
                discovery[to] = counter[0]++;
                onStack[to] = true;
                stack.push(new int[] {to, 0});
            } else if (onStack[to]) {
                back[i] = true;
            }
        }
    }

    private static void indexPositions(List<Integer> layer, double[] position) {
        for (int i = 0; i < layer.size(); i++) {
            position[layer.get(i)] = i;
        }
    }

    /**
     * Centres as close (least squares) to the wanted ones as the order and spacing allow: with the
     * minimum separations taken out, the problem is an isotonic regression, solved by pooling
     * adjacent violators.
     */
    static double[] spaced(double[] wanted, double[] widths) {
        int size = wanted.length;
        double[] offset = new double[size];
        for (int i = 1; i < size; i++) {
            offset[i] = offset[i - 1] + (widths[i - 1] + widths[i]) / 2 + VERTEX_GAP;
        }
        double[] blockValue = new double[size];
        int[] blockSize = new int[size];
        int blocks = 0;
        for (int i = 0; i < size; i++) {
            blockValue[blocks] = wanted[i] - offset[i];
            blockSize[blocks] = 1;
            blocks++;
            while (blocks > 1 && blockValue[blocks - 2] > blockValue[blocks - 1]) {
                int merged = blockSize[blocks - 2] + blockSize[blocks - 1];
                blockValue[blocks - 2] = (blockValue[blocks - 2] * blockSize[blocks - 2]
                                + blockValue[blocks - 1] * blockSize[blocks - 1])
                        / merged;
                blockSize[blocks - 2] = merged;
                blocks--;
            }
        }
        double[] placed = new double[size];
        int i = 0;
        for (int b = 0; b < blocks; b++) {
            for (int k = 0; k < blockSize[b]; k++, i++) {
                placed[i] = blockValue[b] + offset[i];
            }
        }
        return placed;
    }
}
