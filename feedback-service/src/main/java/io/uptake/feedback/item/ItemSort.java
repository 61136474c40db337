package io.uptake.feedback.item;

/** The orders a list of items comes in; ties go to the newer item. */
public enum ItemSort {
    VOTES("votes desc, id desc"),
    NEWEST("created_at desc, id desc"),
    RELEVANCE("ts_rank(search, query) desc, id desc");

    /** The ORDER BY clause; relevance ranks against the parsed search {@code query}. */
    final String orderBy;

    ItemSort(String orderBy) {
        this.orderBy = orderBy;
    }
}
