package io.uptake.feedback.celebration;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.PageView;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** The company's celebrations feed: implemented ideas, newest first, and a live stream of new ones. */
@Path("/api/feedback/celebrations")
@RolesAllowed({"employee", "manager", "hr", "executive", "admin"
}) // people only: the ingest client posts usage events, nothing else
public class CelebrationResource {

    /** How long a person whose streams are all taken is asked to wait before trying again. */
    static final int RETRY_AFTER_SECONDS = 30;

    private final CelebrationStore store;
    private final CelebrationBroadcaster broadcaster;
    private final StreamSeats seats;
    private final SecurityIdentity identity;

    public CelebrationResource(
            CelebrationStore store,
            CelebrationBroadcaster broadcaster,
            StreamsConfig streams,
            SecurityIdentity identity) {
        this.store = store;
        this.broadcaster = broadcaster;
        this.seats = new StreamSeats(streams.perPerson());
        this.identity = identity;
    }

    @GET
    public Uni<PageView<CelebrationView>> list(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        String viewer = identity.getPrincipal().getName();
        return store.feed(page, size)
                .map(found -> new PageView<>(
                        found.items().stream()
                                .map(celebration -> celebration.seenBy(viewer))
                                .toList(),
                        found.page(),
                        found.size(),
                        found.total()));
    }

    /**
     * Server-Sent Events, one per celebration from the moment of connecting; the feed above has the earlier
     * ones. A person holds at most {@code uptake.streams.per-person} streams at once (a 429 beyond), and a
     * stream ends when the token that opened it expires, so a revoked person does not listen on.
     */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<String> stream() {
        String person = identity.getPrincipal().getName();
        if (!seats.take(person)) {
            throw new WebApplicationException(
                    "You have every live stream you may hold open; close one, or try again later",
                    Response.status(429)
                            .header("Retry-After", RETRY_AFTER_SECONDS)
                            .build());
        }
        return broadcaster.stream()
                .emitOn(onThisConnectionsEventLoop())
                .map(announced -> announced.jsonFor(person))
                .select()
                .first(untilExpiry(identity))
                .onTermination()
                .invoke(() -> seats.release(person));
    }

    /**
     * Each stream writes on the event loop of its own connection: the one thread that hears a celebration then only
     * hands it over, and the event loops write to their thousands of streams side by side.
     */
    private static Executor onThisConnectionsEventLoop() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
    }

    /** The time the caller's token has left (a day when it carries no expiry). */
    static Duration untilExpiry(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getExpirationTime() > 0) {
            long left = token.getExpirationTime() - Instant.now().getEpochSecond();
            return Duration.ofSeconds(Math.max(1, left));
        }
        return Duration.ofDays(1);
    }
}
