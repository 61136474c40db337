package io.uptake.feedback.access;

/**
 * Who may see the person behind an item: everyone, unless it was submitted anonymously; then only that person
 * (not even an admin). Answers carry {@code null} where the person or their business unit would be.
 */
public final class Anonymity {

    private Anonymity() {}

    /** Whether {@code viewer} may see the submitter of an item. */
    public static boolean revealed(boolean anonymous, String submitter, String viewer) {
        return !anonymous || (submitter != null && submitter.equals(viewer));
    }

    /** The submitter as {@code viewer} sees them: the user id, or null when hidden. */
    public static String shown(boolean anonymous, String submitter, String viewer) {
        return revealed(anonymous, submitter, viewer) ? submitter : null;
    }

    /** Something that names the submitter (their business unit, say) as {@code viewer} sees it. */
    public static <T> T shown(boolean anonymous, String submitter, String viewer, T aboutThem) {
        return revealed(anonymous, submitter, viewer) ? aboutThem : null;
    }
}
