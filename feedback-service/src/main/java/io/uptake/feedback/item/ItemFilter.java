package io.uptake.feedback.item;

/** What a list of items is narrowed to, each part optional, and how it is ordered. */
public record ItemFilter(Status status, Kind kind, String area, String query, ItemSort sort, String submittedBy) {

    /** Relevance when searching and no order was asked for, otherwise newest first. */
    public ItemSort effectiveSort() {
        if (sort != null && !(sort == ItemSort.RELEVANCE && query == null)) {
            return sort;
        }
        return query == null ? ItemSort.NEWEST : ItemSort.RELEVANCE;
    }
}
