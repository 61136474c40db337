package io.uptake.metrics.segment;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.uptake.metrics.writekey.Sender;
import io.uptake.metrics.writekey.WriteKeys;
import io.uptake.platform.api.InvalidInput;
import io.uptake.platform.api.Json;
import io.uptake.platform.api.Problem;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Segment's HTTP Tracking API ({@code /v1/batch} or {@code /v1/import}, {@code /v1/track}, {@code /v1/page}, {@code /v1/identify}, …), so
 * that Segment's and RudderStack's libraries, and every tool that forwards in that format, deliver to Uptake unchanged.
 * The credential is a write key, sent as the HTTP Basic user name (or as {@code writeKey} in the body), not a token.
 */
@Path("/v1")
@PermitAll
public class SegmentResource {

    static final int MAX_BATCH_BYTES = 500 * 1024;
    static final int MAX_BATCH_MESSAGES = 2500;
    private static final Set<String> TYPES = Set.of("track", "page", "identify", "screen", "group", "alias");

    private final SegmentService service;
    private final Json json;

    public SegmentResource(SegmentService service, Json json) {
        this.service = service;
        this.json = json;
    }

    @POST
    @Path("batch")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> batch(
            @HeaderParam("Authorization") String authorization, @HeaderParam("Origin") String origin, String body) {
        JsonNode request = read(body);
        return authenticated(
                authorization,
                origin,
                request,
                sender -> service.accept(sender, messages(request), null, request.get("sentAt")));
    }

    /** The same as {@code /v1/batch}: the path Segment's Java library posts to. */
    @POST
    @Path("import")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> importBatch(
            @HeaderParam("Authorization") String authorization, @HeaderParam("Origin") String origin, String body) {
        return batch(authorization, origin, body);
    }

    /** One call: {@code track}, {@code page}, {@code identify}, {@code screen}, {@code group} or {@code alias}. */
    @POST
    @Path("{type}")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> one(
            @PathParam("type") String type,
            @HeaderParam("Authorization") String authorization,
            @HeaderParam("Origin") String origin,
            String body) {
        if (!TYPES.contains(type)) {
            throw new NotFoundException("Segment's tracking API has no call of that name");
        }
        JsonNode message = read(body);
        return authenticated(
                authorization, origin, message, sender -> service.accept(sender, List.of(message), type, null));
    }

    /**
     * A browser's preflight for a library that sends JSON or a Basic header (the browser tracker sends neither, and
     * needs none): it carries no key, so an origin that any live key lists is answered.
     */
    @OPTIONS
    @Path("{type}")
    @Operation(hidden = true)
    public Uni<Response> preflight(@HeaderParam("Origin") String origin) {
        if (origin == null) {
            return Uni.createFrom().item(Response.noContent().build());
        }
        return service.anyKeyAllows(origin).map(listed -> {
            Response.ResponseBuilder answer = Response.noContent().header("Vary", "Origin");
            return listed
                    ? answer.header("Access-Control-Allow-Origin", origin)
                            .header("Access-Control-Allow-Methods", "POST")
                            .header("Access-Control-Allow-Headers", "Authorization, Content-Type")
                            .header("Access-Control-Max-Age", "600")
                            .build()
                    : answer.build();
        });
    }

    /**
     * The key is checked before the messages are: a caller without one learns nothing about the body. A browser page
     * (its {@code Origin}) may send only with a key that lists its origin; nothing else of the API is open to one.
     */
    private Uni<Response> authenticated(
            String authorization, String origin, JsonNode request, Function<Sender, Uni<SegmentReport>> accept) {
        String key = writeKey(authorization, request);
        if (key == null) {
            return Uni.createFrom().item(unauthorized());
        }
        return service.authenticate(key).flatMap(sender -> {
            if (sender == null) {
                return Uni.createFrom().item(unauthorized());
            }
            if (!sender.allowsOrigin(origin)) {
                return Uni.createFrom().item(notThisOrigin(origin));
            }
            return accept.apply(sender).map(report -> {
                Response.ResponseBuilder answer = Response.ok(report);
                return origin == null
                        ? answer.build()
                        : answer.header("Access-Control-Allow-Origin", origin)
                                .header("Vary", "Origin")
                                .build();
            });
        });
    }

    private static List<JsonNode> messages(JsonNode request) {
        JsonNode batch = request.get("batch");
        if (batch == null || !batch.isArray() || batch.isEmpty() || batch.size() > MAX_BATCH_MESSAGES) {
            throw new InvalidInput("batch", "is required: an array of 1 to " + MAX_BATCH_MESSAGES + " messages");
        }
        List<JsonNode> messages = new ArrayList<>(batch.size());
        batch.forEach(messages::add);
        return messages;
    }

    private JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInput("body", "is required: a JSON object");
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > MAX_BATCH_BYTES) {
            throw new InvalidInput("body", "larger than 500 KB; send smaller batches");
        }
        JsonNode request = json.readRequest(body, JsonNode.class);
        if (request == null || !request.isObject()) {
            throw new InvalidInput("body", "must be a JSON object");
        }
        return request;
    }

    /** The HTTP Basic user name (the password is empty), else the body's {@code writeKey}. */
    private static String writeKey(String authorization, JsonNode request) {
        String basic = WriteKeys.fromBasic(authorization);
        if (basic != null) {
            return basic;
        }
        JsonNode inBody = request.get("writeKey");
        return inBody != null && inBody.isTextual() && !inBody.asText().isBlank() ? inBody.asText() : null;
    }

    private static Response notThisOrigin(String origin) {
        return Response.status(403)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(
                        403,
                        "Forbidden",
                        "This write key does not accept events from pages of " + origin
                                + "; an admin lists the origin on a key (origins) for the browser tracker"))
                .build();
    }

    private static Response unauthorized() {
        return Response.status(401)
                .type(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", "Basic realm=\"uptake\"")
                .entity(Problem.of(401, "Unauthorized", "A live write key is required, as the HTTP Basic user name"))
                .build();
    }
}
