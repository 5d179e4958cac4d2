package io.stateway.orchestrator.asl.definition;

import io.stateway.model.asl.StatesErrors;
import java.util.List;

/** AWS's rules for whether an {@code ErrorEquals} list matches an error name. */
final class ErrorMatch {

    private ErrorMatch() {}

    static boolean matches(List<String> errorEquals, String error) {
        // States.Runtime ends the execution: nothing catches or retries it, not even by name.
        if (StatesErrors.RUNTIME.equals(error)) {
            return false;
        }
        if (error == null) {
            return errorEquals.contains(StatesErrors.ALL);
        }
        for (String candidate : errorEquals) {
            if (candidate.equals(error)) {
                return true;
            }
            if (candidate.equals(StatesErrors.ALL)) {
                return true;
            }
            // States.TaskFailed stands for any error but States.Timeout.
            if (candidate.equals(StatesErrors.TASK_FAILED) && !error.equals(StatesErrors.TIMEOUT)) {
                return true;
            }
        }
        return false;
    }
}
