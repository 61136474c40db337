package io.uptake.feedback.item;

/**
 * What a list of items is narrowed to, each part optional, and how it is ordered. {@code submittedBy}: only
 * this person's items ({@code mine}); {@code involving}: only items this person voted for or follows
 * ({@code involved}).
 */
public record ItemFilter(
        Status status, Kind kind, String area, String query, ItemSort sort, String submittedBy, String involving) {

    /** Relevance when searching and no order was asked for, otherwise newest first. */
    public ItemSort effectiveSort() {
        if (sort != null && !(sort == ItemSort.RELEVANCE && query == null)) {
            return sort;
        }
        return query == null ? ItemSort.NEWEST : ItemSort.RELEVANCE;
    }

    /** Whether the per status, kind and area totals can count the list (no search, nothing about a person). */
    boolean countedByCategory() {
        return query == null && submittedBy == null && involving == null;
    }
}
