package io.uptake.feedback.celebration;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.PageView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** The company's celebrations feed: implemented ideas, newest first, and a live stream of new ones. */
@Path("/api/feedback/celebrations")
@RolesAllowed({"employee", "manager", "hr", "executive", "admin"
}) // people only: the ingest client posts usage events, nothing else
public class CelebrationResource {

    private final CelebrationStore store;
    private final CelebrationBroadcaster broadcaster;

    public CelebrationResource(CelebrationStore store, CelebrationBroadcaster broadcaster) {
        this.store = store;
        this.broadcaster = broadcaster;
    }

    @GET
    public Uni<PageView<CelebrationView>> list(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return store.feed(page, size);
    }

    /** Server-Sent Events, one per celebration from the moment of connecting; the feed above has the earlier ones. */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<CelebrationView> stream() {
        return broadcaster.stream();
    }
}
