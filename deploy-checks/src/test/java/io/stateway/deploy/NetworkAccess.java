package io.stateway.deploy;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes' NetworkPolicy semantics for ingress, enough to ask "may this pod open a connection to
 * that pod's port?" of rendered policies: a pod no policy selects accepts everything; a selected pod
 * accepts what at least one rule of a selecting policy admits (peers by pod and namespace labels,
 * ports by number or container-port name).
 */
final class NetworkAccess {

    /** The release's namespace in every check. */
    static final String NAMESPACE = "stateway";

    private final List<NetworkPolicy> policies;

    NetworkAccess(List<NetworkPolicy> policies) {
        this.policies = policies;
    }

    /** A pod that opens connections: its namespace (name and labels) and its labels. */
    record Peer(String namespace, Map<String, String> namespaceLabels, Map<String, String> labels) {

        static Peer inRelease(Map<String, String> labels) {
            return new Peer(NAMESPACE, Map.of("kubernetes.io/metadata.name", NAMESPACE), labels);
        }

        static Peer inNamespace(String namespace, Map<String, String> labels) {
            return new Peer(namespace, Map.of("kubernetes.io/metadata.name", namespace), labels);
        }
    }

    /** A port of the target pod: its number and its container-port name. */
    record Port(int number, String name) {}

    boolean isolated(Map<String, String> targetLabels) {
        return policies.stream().anyMatch(policy -> selects(policy, targetLabels));
    }

    boolean admits(Peer source, Map<String, String> targetLabels, Port port) {
        List<NetworkPolicy> selecting = policies.stream()
                .filter(policy -> selects(policy, targetLabels))
                .toList();
        if (selecting.isEmpty()) {
            return true;
        }
        for (NetworkPolicy policy : selecting) {
            for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                if (portMatches(rule.getPorts(), port) && peerMatches(rule.getFrom(), source)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean selects(NetworkPolicy policy, Map<String, String> labels) {
        List<String> types = policy.getSpec().getPolicyTypes();
        boolean ingress = types == null || types.isEmpty() || types.contains("Ingress");
        return ingress && matches(policy.getSpec().getPodSelector(), labels);
    }

    private static boolean portMatches(List<NetworkPolicyPort> ports, Port port) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPort candidate : ports) {
            String protocol = candidate.getProtocol() == null ? "TCP" : candidate.getProtocol();
            IntOrString value = candidate.getPort();
            if (!protocol.equals("TCP")) {
                continue;
            }
            if (value == null
                    || (value.getIntVal() != null && value.getIntVal() == port.number())
                    || (value.getStrVal() != null && value.getStrVal().equals(port.name()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean peerMatches(List<NetworkPolicyPeer> peers, Peer source) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPeer peer : peers) {
            if (peer.getIpBlock() != null) {
                continue;
            }
            boolean namespaceOk = peer.getNamespaceSelector() == null
                    ? source.namespace().equals(NAMESPACE)
                    : matches(peer.getNamespaceSelector(), source.namespaceLabels());
            boolean podOk = peer.getPodSelector() == null || matches(peer.getPodSelector(), source.labels());
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        if (selector.getMatchLabels() != null) {
            for (Map.Entry<String, String> required : selector.getMatchLabels().entrySet()) {
                if (!required.getValue().equals(labels.get(required.getKey()))) {
                    return false;
                }
            }
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
                String value = labels.get(requirement.getKey());
                boolean ok = switch (requirement.getOperator()) {
                    case "In" -> value != null && requirement.getValues().contains(value);
                    case "NotIn" -> value == null || !requirement.getValues().contains(value);
                    case "Exists" -> value != null;
                    case "DoesNotExist" -> value == null;
                    default -> throw new AssertionError("unknown selector operator " + requirement.getOperator());
                };
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }
}
