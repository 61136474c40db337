package io.uptake.feedback.status;

import io.uptake.feedback.item.Status;
import java.util.List;

/** A status of the workflow: its fixed code, the organisation's label for it, and where it may move next. */
public record StatusView(Status code, String label, boolean open, List<Status> next) {

    static StatusView of(Status status, String label) {
        return new StatusView(status, label, status.open(), List.copyOf(status.next()));
    }
}
