package io.uptake.feedback.item;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.access.CurrentCaller;
import io.uptake.platform.api.Created;
import io.uptake.platform.api.InvalidInput;
import io.uptake.platform.api.PageView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Feedback items: any signed-in person submits, lists, searches, votes, follows and comments. */
@Path("/api/feedback/items")
@RolesAllowed({"employee", "manager", "hr", "executive", "admin"
}) // people only: the ingest client posts usage events, nothing else
public class ItemResource {

    private final ItemService service;
    private final ItemQueries queries;
    private final CurrentCaller currentCaller;

    public ItemResource(ItemService service, ItemQueries queries, CurrentCaller currentCaller) {
        this.service = service;
        this.queries = queries;
        this.currentCaller = currentCaller;
    }

    @POST
    public Uni<Response> submit(@Valid @NotNull NewItem item, @Context UriInfo uri) {
        return service.submit(currentCaller.get(), item).map(saved -> Created.below(uri, saved.id(), saved));
    }

    @GET
    public Uni<PageView<ItemSummary>> list(
            @QueryParam("status") String status,
            @QueryParam("kind") String kind,
            @QueryParam("area") @Size(max = 64) String area,
            @QueryParam("q") @Size(max = 200) String query,
            @QueryParam("sort") String sort,
            @QueryParam("mine") String mine,
            @QueryParam("involved") String involved,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        String viewer = currentCaller.get().userId();
        ItemFilter filter = new ItemFilter(
                parse(Status.class, "status", status),
                parse(Kind.class, "kind", kind),
                blankToNull(area),
                blankToNull(query),
                parse(ItemSort.class, "sort", sort),
                flag("mine", mine) ? viewer : null,
                flag("involved", involved) ? viewer : null);
        return queries.list(filter, page, size)
                .map(found -> new PageView<>(
                        found.items().stream().map(item -> item.seenBy(viewer)).toList(),
                        found.page(),
                        found.size(),
                        found.total()));
    }

    @GET
    @Path("/{id}")
    public Uni<ItemView> get(@PathParam("id") long id) {
        return queries.find(id)
                .onItem()
                .ifNull()
                .failWith(() -> ItemService.notFound(id))
                .map(this::seen);
    }

    @PUT
    @Path("/{id}/vote")
    public Uni<ItemView> vote(@PathParam("id") long id) {
        return service.vote(currentCaller.get(), id).map(this::seen);
    }

    @DELETE
    @Path("/{id}/vote")
    public Uni<ItemView> unvote(@PathParam("id") long id) {
        return service.unvote(currentCaller.get(), id).map(this::seen);
    }

    @PUT
    @Path("/{id}/follow")
    public Uni<Response> follow(@PathParam("id") long id) {
        return service.follow(currentCaller.get(), id)
                .map(done -> Response.noContent().build());
    }

    @DELETE
    @Path("/{id}/follow")
    public Uni<Response> unfollow(@PathParam("id") long id) {
        return service.unfollow(currentCaller.get(), id)
                .map(done -> Response.noContent().build());
    }

    @POST
    @Path("/{id}/comments")
    public Uni<Response> comment(@PathParam("id") long id, @Valid @NotNull NewComment comment, @Context UriInfo uri) {
        return service.comment(currentCaller.get(), id, comment).map(saved -> Created.below(uri, saved.id(), saved));
    }

    @GET
    @Path("/{id}/comments")
    public Uni<PageView<CommentView>> comments(
            @PathParam("id") long id,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return service.comments(currentCaller.get(), id, page, size);
    }

    private ItemView seen(ItemView item) {
        return item.seenBy(currentCaller.get().userId());
    }

    private static boolean flag(String field, String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidInput(field, "must be true or false");
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase());
        } catch (IllegalArgumentException unknown) {
            String allowed = Arrays.stream(type.getEnumConstants())
                    .map(constant -> constant.name().toLowerCase())
                    .collect(Collectors.joining(", "));
            throw new InvalidInput(field, "must be one of " + allowed);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
