package io.stateway.orchestrator.asl.runner;

import io.stateway.model.history.HistoryEvent;
import io.stateway.orchestrator.asl.engine.HistoryLog;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory execution's history, rendered on first read: most callers (Express executions, the
 * benchmark) only want the outcome, and rendering every payload as JSON text costs more than running
 * the states. Payloads are immutable once recorded (paths copy, never update in place), so rendering
 * late gives the same text as rendering at once.
 */
final class RecordedHistory extends AbstractList<HistoryEvent> {

    private final List<HistoryLog> steps = new ArrayList<>();
    private List<HistoryEvent> events;

    void add(HistoryLog step) {
        steps.add(step);
        events = null;
    }

    private List<HistoryEvent> events() {
        if (events == null) {
            List<HistoryEvent> rendered = new ArrayList<>();
            for (HistoryLog step : steps) {
                rendered.addAll(step.events());
            }
            events = rendered;
        }
        return events;
    }

    @Override
    public HistoryEvent get(int index) {
        return events().get(index);
    }

    @Override
    public int size() {
        return events().size();
    }
}
