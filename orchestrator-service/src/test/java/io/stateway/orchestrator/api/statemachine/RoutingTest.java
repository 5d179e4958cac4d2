package io.stateway.orchestrator.api.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.orchestrator.api.Arns;
import io.stateway.orchestrator.runtime.RuntimeProperties;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingTest {

    static final AliasEntity.Route SEVENTY = new AliasEntity.Route(1L, 70);
    static final AliasEntity.Route THIRTY = new AliasEntity.Route(2L, 30);

    @Test
    void pick_weightedRoutes_splitTheUnitIntervalByWeight() {
        List<AliasEntity.Route> routes = List.of(SEVENTY, THIRTY);

        assertThat(Routing.pick(routes, () -> 0.0)).isEqualTo(SEVENTY);
        assertThat(Routing.pick(routes, () -> 0.6999)).isEqualTo(SEVENTY);
        assertThat(Routing.pick(routes, () -> 0.70)).isEqualTo(THIRTY);
        assertThat(Routing.pick(routes, () -> 0.9999999)).isEqualTo(THIRTY);
    }

    @Test
    void pick_zeroWeightRoute_isNeverPicked() {
        AliasEntity.Route none = new AliasEntity.Route(3L, 0);
        AliasEntity.Route all = new AliasEntity.Route(4L, 100);

        for (double point : new double[] {0.0, 0.5, 0.9999999}) {
            assertThat(Routing.pick(List.of(none, all), () -> point)).isEqualTo(all);
            assertThat(Routing.pick(List.of(all, none), () -> point)).isEqualTo(all);
        }
    }

    @Test
    void stateMachineRef_qualifiers_areVersionsOrAliases_andOnlyCanonicalArnsAreLocal() {
        Arns arns = new Arns(new RuntimeProperties(
                "us-east-1",
                "123456789012",
                1,
                1,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1)));
        String base = "arn:aws:states:us-east-1:123456789012:stateMachine:Orders";

        assertThat(StateMachineRef.parse(base)).isEqualTo(new StateMachineRef.Latest(base, "Orders"));
        assertThat(StateMachineRef.parse(base + ":12"))
                .isEqualTo(new StateMachineRef.Version(base + ":12", "Orders", 12));
        assertThat(StateMachineRef.parse(base + ":prod"))
                .isEqualTo(new StateMachineRef.Alias(base + ":prod", "Orders", "prod"));
        assertThat(StateMachineRef.parse(base + ":99999999999"))
                .isEqualTo(new StateMachineRef.Version(base + ":99999999999", "Orders", 0));
        assertThat(StateMachineRef.parse(base + ":12").isLocal(arns)).isTrue();
        assertThat(StateMachineRef.parse(base + ":012").isLocal(arns)).isFalse();
        assertThat(StateMachineRef.parse(base.replace("us-east-1", "eu-west-1")).isLocal(arns))
                .isFalse();
    }
}
