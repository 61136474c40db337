package io.uptake.metrics.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The filters directories send to find a user before they create one (RFC 7644, 3.4.2.2): {@code eq} on
 * {@code userName}, {@code id} or {@code externalId}, joined by {@code and}. Anything else is an
 * {@code invalidFilter} error, not a silent match-all.
 */
record ScimFilter(List<Condition> conditions) {

    /** {@code attribute}: userName, id or externalId. */
    record Condition(String attribute, String value) {}

    private static final Pattern CONDITION =
            Pattern.compile("\\s*([A-Za-z.:0-9]+)\\s+eq\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern AND = Pattern.compile("\\s+and\\s+", Pattern.CASE_INSENSITIVE);

    static final ScimFilter NONE = new ScimFilter(List.of());

    static ScimFilter parse(String filter) {
        if (filter == null || filter.isBlank()) {
            return NONE;
        }
        if (filter.length() > 1000) {
            throw new ScimException(400, "invalidFilter", "filter: at most 1000 characters");
        }
        List<Condition> conditions = new ArrayList<>();
        for (String part : AND.split(filter.strip())) {
            Matcher matcher = CONDITION.matcher(part);
            if (!matcher.matches()) {
                throw new ScimException(
                        400,
                        "invalidFilter",
                        "filter: Uptake answers userName, id or externalId eq \"value\" (joined by and), not " + part);
            }
            String attribute = attribute(matcher.group(1));
            conditions.add(new Condition(attribute, matcher.group(2).replaceAll("\\\\(.)", "$1")));
        }
        return new ScimFilter(List.copyOf(conditions));
    }

    private static String attribute(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String core = ScimSchemas.USER.toLowerCase(Locale.ROOT) + ":";
        if (lower.startsWith(core)) {
            lower = lower.substring(core.length());
        }
        return switch (lower) {
            case "username" -> "userName";
            case "id" -> "id";
            case "externalid" -> "externalId";
            default ->
                throw new ScimException(
                        400, "invalidFilter", "filter: Uptake filters on userName, id or externalId, not " + name);
        };
    }
}
