package io.uptake.metrics.team;

import io.uptake.metrics.scorecard.ScorecardView;
import io.uptake.platform.api.InvalidInput;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a team list is narrowed and ordered by: {@code q} (a substring of the name or user id, any case), {@code status}
 * (one or more, comma-separated) and {@code sort} ({@code name}, {@code score}, {@code status} or {@code lastActiveOn},
 * {@code -} first for descending). Ties are broken by name, then user id.
 */
record TeamQuery(String q, Set<ScorecardView.Status> statuses, Comparator<TeamRow> order) {

    static final List<String> SORTS = List.of("name", "score", "status", "lastActiveOn");

    private static final Comparator<TeamRow> BY_NAME = Comparator.comparing(
                    (TeamRow row) -> row.name().toLowerCase(Locale.ROOT))
            .thenComparing(TeamRow::name)
            .thenComparing(TeamRow::userId);

    static TeamQuery parse(String q, String status, String sort) {
        String search = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
        return new TeamQuery(search, statuses(status), order(sort));
    }

    Predicate<TeamRow> filter() {
        return row -> (statuses.isEmpty() || statuses.contains(row.status()))
                && (q == null
                        || row.name().toLowerCase(Locale.ROOT).contains(q)
                        || row.userId().toLowerCase(Locale.ROOT).contains(q));
    }

    private static Set<ScorecardView.Status> statuses(String status) {
        Set<ScorecardView.Status> chosen = EnumSet.noneOf(ScorecardView.Status.class);
        if (status == null || status.isBlank()) {
            return chosen;
        }
        for (String name : status.split(",")) {
            try {
                chosen.add(ScorecardView.Status.valueOf(name.strip()));
            } catch (IllegalArgumentException unknown) {
                throw new InvalidInput(
                        "status",
                        "must be one or more (comma-separated) of " + Arrays.toString(ScorecardView.Status.values()));
            }
        }
        return chosen;
    }

    /**
     * The order: by name; by score (people without a score last either way); by status in the order MEETING, BELOW,
     * INACTIVE, NO_OBJECTIVES; by last active day (people never active counted as the least recent).
     */
    private static Comparator<TeamRow> order(String sort) {
        String key = sort == null || sort.isBlank() ? "name" : sort.strip();
        boolean descending = key.startsWith("-");
        String field = descending ? key.substring(1) : key;
        Comparator<TeamRow> primary = switch (field) {
            case "name" -> BY_NAME;
            case "score" -> Comparator.comparing(TeamRow::score, nullsLast(descending));
            case "status" -> Comparator.comparing(TeamRow::status);
            case "lastActiveOn" ->
                Comparator.comparing(
                        TeamRow::lastActiveOn, Comparator.nullsFirst(Comparator.<java.time.LocalDate>naturalOrder()));
            default ->
                throw new InvalidInput(
                        "sort", "must be one of " + String.join(", ", SORTS) + ", each with - first for descending");
        };
        if (descending && !field.equals("score")) {
            primary = primary.reversed();
        }
        return field.equals("name") ? primary : primary.thenComparing(BY_NAME);
    }

    /** Scores in the direction asked, with the people without a score after everyone else in both. */
    private static Comparator<Integer> nullsLast(boolean descending) {
        Comparator<Integer> natural = Comparator.naturalOrder();
        return Comparator.nullsLast(descending ? natural.reversed() : natural);
    }
}
