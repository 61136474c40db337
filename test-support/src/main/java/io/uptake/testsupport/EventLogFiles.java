package io.uptake.testsupport;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Salesforce EventLogFiles made for the tests. */
public final class EventLogFiles {

    /** A Salesforce user id that no roster entry names. */
    public static final String NOBODY = "005NOBODY0000ZZ";

    private EventLogFiles() {}

    /**
     * A URI log of {@code lines} lines of about 280 bytes each (40,000 lines: about 11 MB, over the usual 10 MB body
     * limit), all of a user no roster entry names: an import counts every line as unmapped and sends nothing to Kafka.
     */
    public static String ofNobody(int lines) {
        String padding = "x".repeat(220);
        String at = Instant.now()
                .minus(1, ChronoUnit.HOURS)
                .truncatedTo(ChronoUnit.MILLIS)
                .toString();
        StringBuilder csv = new StringBuilder("EVENT_TYPE,REQUEST_ID,USER_ID,TIMESTAMP_DERIVED,URI\n");
        for (int line = 0; line < lines; line++) {
            csv.append("URI,large-")
                    .append(line)
                    .append(',')
                    .append(NOBODY)
                    .append(',')
                    .append(at)
                    .append(",/001/o?")
                    .append(padding)
                    .append('\n');
        }
        return csv.toString();
    }
}
