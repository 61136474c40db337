package io.uptake.metrics.shortfall;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.InvalidInput;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Admins publish the shortfalls of a closed period on demand (they are also published by themselves each hour). */
@Path("/api/metrics/shortfalls/publish")
public class ShortfallPublicationResource {

    private final ShortfallPublisher publisher;

    public ShortfallPublicationResource(ShortfallPublisher publisher) {
        this.publisher = publisher;
    }

    @POST
    @RolesAllowed("admin")
    public Uni<PublishReport> publish(
            @QueryParam("period") @DefaultValue("week") String period, @QueryParam("from") String from) {
        if (!Period.WEEK.equals(period) && !Period.MONTH.equals(period)) {
            throw new InvalidInput("period", "must be week or month");
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Period chosen = from == null || from.isBlank() ? Period.lastClosed(period, today) : Period.of(period, from);
        if (!chosen.closedBy(today)) {
            throw new InvalidInput("from", "the " + chosen.kind() + " has not ended yet");
        }
        return publisher.publish(chosen);
    }
}
