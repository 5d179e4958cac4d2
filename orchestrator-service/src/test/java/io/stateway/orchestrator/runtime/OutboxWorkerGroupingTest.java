package io.stateway.orchestrator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a claimed batch is split into the units the worker runs. */
class OutboxWorkerGroupingTest {

    @Test
    void byExecution_groupsOneExecutionsIoFreeItemsInClaimOrder_andRunsEveryOtherItemAlone() {
        WorkItem child1 = item(1, 7, "0/1", WorkItem.Kind.ADVANCE);
        WorkItem other = item(2, 8, "0", WorkItem.Kind.ADVANCE);
        WorkItem task = item(3, 7, "0/2", WorkItem.Kind.TASK);
        WorkItem timer = item(4, 7, "0/3", WorkItem.Kind.TIMER);
        WorkItem timeout = item(5, 7, "0", WorkItem.Kind.EXECUTION_TIMEOUT);
        WorkItem child4 = item(6, 7, "0/4", WorkItem.Kind.ADVANCE);

        List<List<WorkItem>> groups = OutboxWorker.byExecution(List.of(child1, other, task, timer, timeout, child4));

        assertThat(groups)
                .containsExactly(List.of(child1, timer, child4), List.of(other), List.of(task), List.of(timeout));
    }

    private static WorkItem item(long id, long executionId, String cursorId, WorkItem.Kind kind) {
        return new WorkItem(id, executionId, cursorId, kind, Instant.EPOCH, null, 1, 1);
    }
}
