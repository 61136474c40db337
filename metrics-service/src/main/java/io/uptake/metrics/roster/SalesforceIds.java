package io.uptake.metrics.roster;

import java.util.regex.Pattern;

/**
 * Salesforce record ids: 15 case-sensitive characters, or the same 15 with a 3-character suffix that makes them
 * case-insensitive. Both forms name the same record, so Uptake keeps and compares the 15-character one.
 */
public final class SalesforceIds {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{15}([A-Za-z0-9]{3})?");

    private SalesforceIds() {}

    /** The 15-character form, or null when this is no Salesforce id. */
    public static String normalised(String id) {
        if (id == null) {
            return null;
        }
        String stripped = id.strip();
        return ID.matcher(stripped).matches() ? stripped.substring(0, 15) : null;
    }
}
