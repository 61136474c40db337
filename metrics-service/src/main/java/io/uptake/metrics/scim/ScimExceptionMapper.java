package io.uptake.metrics.scim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** SCIM errors as SCIM clients read them: an Error document, {@code application/scim+json}. */
public class ScimExceptionMapper {

    @ServerExceptionMapper
    public Response toResponse(ScimException error) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("schemas").add(ScimSchemas.ERROR);
        body.put("status", String.valueOf(error.status()));
        if (error.scimType() != null) {
            body.put("scimType", error.scimType());
        }
        body.put("detail", error.getMessage());
        return Response.status(error.status())
                .type(ScimSchemas.MEDIA_TYPE)
                .entity(body)
                .build();
    }
}
