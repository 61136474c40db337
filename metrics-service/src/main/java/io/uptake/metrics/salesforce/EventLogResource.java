package io.uptake.metrics.salesforce;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.io.InputStream;

/**
 * Salesforce Event Monitoring: an EventLogFile ({@code Login}, {@code LightningPageView}, {@code URI}, {@code API},
 * {@code Report}, …) posted as Salesforce serves it, CSV with its header row, streamed.
 */
@Path("/api/metrics/imports/salesforce-event-log")
@RolesAllowed("admin")
public class EventLogResource {

    private final EventLogImport importer;

    public EventLogResource(EventLogImport importer) {
        this.importer = importer;
    }

    @POST
    @Consumes({"text/csv", "application/csv", "text/plain", "application/octet-stream"})
    @Blocking
    public EventLogReport importFile(InputStream csv) {
        return importer.run(csv);
    }
}
