package io.uptake.metrics.writekey;

import java.util.List;
import java.util.Locale;

/** Web origins as browsers send them in the {@code Origin} header: scheme, host and port, nothing else. */
public final class Origins {

    static final String ORIGIN = "https?://[A-Za-z0-9.-]{1,190}(:[0-9]{1,5})?";

    private Origins() {}

    /** The origins as browsers write them: lower case, no default port, each once. */
    static List<String> normalised(List<String> origins) {
        if (origins == null) {
            return List.of();
        }
        return origins.stream().map(Origins::normalised).distinct().toList();
    }

    static String normalised(String origin) {
        String lower = origin.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") && lower.endsWith(":443")) {
            return lower.substring(0, lower.length() - 4);
        }
        if (lower.startsWith("http://") && lower.endsWith(":80")) {
            return lower.substring(0, lower.length() - 3);
        }
        return lower;
    }
}
