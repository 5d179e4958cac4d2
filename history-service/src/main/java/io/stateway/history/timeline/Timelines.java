package io.stateway.history.timeline;

import io.stateway.history.definition.MachineDefinition;
import io.stateway.history.execution.ExecutionRecord;
import io.stateway.history.execution.Executions;
import java.time.Clock;
import org.springframework.stereotype.Service;

/** An execution's timeline, read and assembled. */
@Service
public class Timelines {

    private final Executions executions;
    private final TimelineEvents events;
    private final Clock clock;

    Timelines(Executions executions, TimelineEvents events, Clock clock) {
        this.executions = executions;
        this.events = events;
        this.clock = clock;
    }

    public Timeline of(ExecutionRecord execution) {
        MachineDefinition definition = executions
                .definition(execution.definitionHash())
                .flatMap(MachineDefinition::parse)
                .orElse(null);
        return TimelineAssembler.assemble(execution, definition, events.all(execution.id()), clock.instant());
    }
}
