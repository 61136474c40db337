package io.uptake.metrics.digest;

import io.smallrye.mutiny.Uni;
import io.uptake.metrics.shortfall.Period;
import io.uptake.platform.api.InvalidInput;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** An admin publishes a closed week's digests now (the service also does it by itself every hour). */
@Path("/api/metrics/digests/publish")
public class DigestResource {

    private final DigestPublisher publisher;

    public DigestResource(DigestPublisher publisher) {
        this.publisher = publisher;
    }

    @POST
    @RolesAllowed("admin")
    public Uni<DigestReport> publish(@QueryParam("week") String week) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Period period;
        try {
            period = week == null || week.isBlank()
                    ? Period.lastClosed(Period.WEEK, today)
                    : Period.of(Period.WEEK, week);
        } catch (InvalidInput wrong) {
            throw new InvalidInput("week", "must be a Monday such as 2026-11-23");
        }
        if (!period.closedBy(today)) {
            throw new InvalidInput("week", "the week has not ended yet");
        }
        return publisher.publish(period);
    }
}
