package io.uptake.feedback.item;

/** The orders a list of items comes in; ties go to the newer item. */
public enum ItemSort {
    VOTES("votes desc, id desc"),
    NEWEST("created_at desc, id desc"),
    RELEVANCE("ts_rank(search, websearch_to_tsquery('english', $%d)) desc, id desc");

    private final String orderBy;

    ItemSort(String orderBy) {
        this.orderBy = orderBy;
    }

    /** The ORDER BY clause; relevance needs the index of the search parameter. */
    String orderBy(int queryParameter) {
        return this == RELEVANCE ? orderBy.formatted(queryParameter) : orderBy;
    }
}
