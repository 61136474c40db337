package io.uptake.feedback.item;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules of the triage workflow, per kind of item: the one place that says which moves are allowed.
 *
 * <ul>
 *   <li>{@code IDEA} and {@code PROBLEM}: one step at a time along SUBMITTED → ACKNOWLEDGED → UNDER_REVIEW → PLANNED
 *       → IN_PROGRESS → IMPLEMENTED; only these can be implemented (and celebrated).
 *   <li>{@code QUESTION}: SUBMITTED → ACKNOWLEDGED → UNDER_REVIEW, and from any open status to ANSWERED (its final
 *       status; the answer is the move's note, which is required). A question is never PLANNED, IN_PROGRESS or
 *       IMPLEMENTED.
 *   <li>{@code PRAISE}: SUBMITTED → ACKNOWLEDGED, and ACKNOWLEDGED is where praise ends (no move from there but to
 *       DECLINED or DUPLICATE, which every open item may take).
 *   <li>Every kind: from any open status to DECLINED (a reason is required) or DUPLICATE (of another item); a closed
 *       status (IMPLEMENTED, ANSWERED, DECLINED, DUPLICATE) is final.
 * </ul>
 *
 * Items that reached a status before these rules (a question in PLANNED, say) keep it and may still close as
 * ANSWERED (questions), DECLINED or DUPLICATE.
 */
public final class Workflow {

    /** The steps forward of ideas and problems, in order. */
    private static final List<Status> DELIVERY = List.of(
            Status.SUBMITTED,
            Status.ACKNOWLEDGED,
            Status.UNDER_REVIEW,
            Status.PLANNED,
            Status.IN_PROGRESS,
            Status.IMPLEMENTED);

    /** The statuses on the way to IMPLEMENTED that only ideas and problems take. */
    private static final Set<Status> TOWARDS_IMPLEMENTED =
            EnumSet.of(Status.PLANNED, Status.IN_PROGRESS, Status.IMPLEMENTED);

    private Workflow() {}

    /** The moves an item of {@code kind} in {@code from} may make; empty when {@code from} is final for it. */
    public static Set<Status> next(Kind kind, Status from) {
        if (!from.open()) {
            return EnumSet.noneOf(Status.class);
        }
        Set<Status> next = EnumSet.of(Status.DECLINED, Status.DUPLICATE);
        Status step = stepAfter(from);
        switch (kind) {
            case IDEA, PROBLEM -> {
                if (step != null) {
                    next.add(step);
                }
            }
            case QUESTION -> {
                next.add(Status.ANSWERED);
                if (step != null && !TOWARDS_IMPLEMENTED.contains(step)) {
                    next.add(step);
                }
            }
            case PRAISE -> {
                if (from == Status.SUBMITTED) {
                    next.add(Status.ACKNOWLEDGED);
                }
            }
        }
        return next;
    }

    /** The moves of every kind from {@code from}, kind by kind (in the order of {@link Kind}). */
    public static Map<Kind, List<Status>> nextByKind(Status from) {
        Map<Kind, List<Status>> byKind = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            byKind.put(kind, List.copyOf(next(kind, from)));
        }
        return Collections.unmodifiableMap(byKind);
    }

    /** The moves from {@code from} that an item of some kind may make. */
    public static Set<Status> nextOfAnyKind(Status from) {
        Set<Status> any = EnumSet.noneOf(Status.class);
        for (Kind kind : Kind.values()) {
            any.addAll(next(kind, from));
        }
        return any;
    }

    public static boolean allowed(Kind kind, Status from, Status to) {
        return next(kind, from).contains(to);
    }

    /** Why an item of {@code kind} in {@code from} may not move to {@code to}; empty when it may. */
    public static Optional<String> refusal(Kind kind, Status from, Status to) {
        if (allowed(kind, from, to)) {
            return Optional.empty();
        }
        if (!from.open()) {
            return Optional.of("The item is " + from + ", which is final; it cannot move to " + to);
        }
        if (TOWARDS_IMPLEMENTED.contains(to) && kind == Kind.QUESTION) {
            return Optional.of("A QUESTION is answered, not implemented: it cannot move to " + to
                    + "; move it to ANSWERED with the answer as the note");
        }
        if (TOWARDS_IMPLEMENTED.contains(to) && kind == Kind.PRAISE) {
            return Optional.of("PRAISE is acknowledged, not implemented: it cannot move to " + to
                    + (allowed(kind, from, Status.ACKNOWLEDGED) ? "; move it to ACKNOWLEDGED" : ""));
        }
        if (to == Status.ANSWERED) {
            return Optional.of("Only a QUESTION can be ANSWERED; this item is " + an(kind)
                    + (kind == Kind.PRAISE ? " (acknowledge it)" : ""));
        }
        Set<Status> next = next(kind, from);
        if (kind == Kind.PRAISE && from == Status.ACKNOWLEDGED) {
            return Optional.of(
                    "PRAISE ends once ACKNOWLEDGED; it can only be closed as " + names(next) + ", not moved to " + to);
        }
        return Optional.of(capitalised(an(kind)) + " in " + from + " can move to " + names(next) + "; not to " + to);
    }

    private static Status stepAfter(Status from) {
        int at = DELIVERY.indexOf(from);
        return at < 0 || at == DELIVERY.size() - 1 ? null : DELIVERY.get(at + 1);
    }

    private static String an(Kind kind) {
        return (kind == Kind.IDEA ? "an " : "a ") + kind;
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String names(Set<Status> statuses) {
        return statuses.stream().map(Status::name).collect(Collectors.joining(", "));
    }
}
