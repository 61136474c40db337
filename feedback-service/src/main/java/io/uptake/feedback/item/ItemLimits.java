package io.uptake.feedback.item;

/** How long the texts of an item may be, in characters. */
public final class ItemLimits {

    public static final int TITLE = 200;
    /** 100,000 characters: a long bug report with a pasted log, not a file upload. */
    public static final int DESCRIPTION = 100_000;

    public static final int COMMENT = 10_000;
    public static final int NOTE = 2_000;
    public static final int EXCERPT = 280;

    private ItemLimits() {}
}
