package io.uptake.feedback.item;

/** The SQL that reads an item's status label: the organisation's name for it, or the status code when unnamed. */
final class StatusLabelColumn {

    static final String SQL =
            "coalesce((select label from status_label where status_label.status = feedback_item.status),"
                    + " feedback_item.status) as status_label";

    private StatusLabelColumn() {}
}
