package io.uptake.training.roster;

/** A search for people by a part of their name or user id, as a LIKE pattern (its wildcards taken literally). */
public final class NameSearch {

    private NameSearch() {}

    /** The pattern matching text that contains {@code q}; null when there is nothing to search for. */
    public static String pattern(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        String literal = q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + literal + "%";
    }
}
