package io.uptake.feedback.status;

import io.uptake.feedback.item.Kind;
import io.uptake.feedback.item.Status;
import io.uptake.feedback.item.Workflow;
import java.util.List;
import java.util.Map;

/**
 * A status of the workflow: its fixed code, the organisation's label for it, whether it is open (closed statuses are
 * final), and where an item may move from it: {@code nextByKind} per kind of item ({@link Workflow}), {@code next}
 * the moves of any kind.
 */
public record StatusView(
        Status code, String label, boolean open, List<Status> next, Map<Kind, List<Status>> nextByKind) {

    static StatusView of(Status status, String label) {
        return new StatusView(
                status, label, status.open(), List.copyOf(Workflow.nextOfAnyKind(status)), Workflow.nextByKind(status));
    }
}
