package io.uptake.platform.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The answer to a POST that created something: 201, its address below the collection's, and what was saved. */
public final class Created {

    private Created() {}

    /** 201 with {@code Location} the request's own address followed by {@code /id}, and the saved entity as the body. */
    public static Response below(UriInfo collection, Object id, Object entity) {
        return Response.created(collection
                        .getAbsolutePathBuilder()
                        .path(String.valueOf(id))
                        .build())
                .entity(entity)
                .build();
    }
}
