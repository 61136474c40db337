package io.uptake.metrics.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "uptake.reports")
public interface ReportsConfig {

    /** Adoption and trend reports kept in memory; 0 turns the report cache off. */
    @WithDefault("32")
    int cacheEntries();

    /** Per-person lists (shortfalls) kept in memory: large at 100,000 people. */
    @WithDefault("2")
    int cacheLists();

    /** Reports computed at once; a burst waits its turn, which bounds the memory it takes. */
    @WithDefault("2")
    int concurrent();
}
