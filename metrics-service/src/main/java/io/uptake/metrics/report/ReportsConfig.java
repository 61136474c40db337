package io.uptake.metrics.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "uptake.reports")
public interface ReportsConfig {

    /** Adoption and trend reports kept in memory; 0 turns the report cache off. */
    @WithDefault("32")
    int cacheEntries();

    /** Per-person lists (shortfalls) kept in memory: large at 100,000 people. */
    @WithDefault("2")
    int cacheLists();

    /**
     * Per-person parts kept of reports (over all their periods) so that they are brought up to date by rescoring the
     * people whose usage changed: one per person and period, 4 to 8 bytes each, plus the distinct parts. A report
     * whose parts alone would be more keeps none (it is computed for everyone on each change); beyond it in all, the
     * least recently used snapshots go. Absent: one part per 64 bytes of heap (about 8.4 million for 512 MiB).
     */
    Optional<Long> snapshotParts();

    /** How long the journal of whose usage changed is kept: a report snapshot older than that is computed again. */
    @WithDefault("PT10M")
    Duration journalAge();

    /**
     * How often the reports the adoption page opens on are brought up to date in the background ({@link
     * ReportWarmer}); 0 turns it off.
     */
    @WithDefault("PT5M")
    Duration warmEvery();

    /** Reports computed at once; a burst waits its turn, which bounds the memory it takes. */
    @WithDefault("2")
    int concurrent();
}
