package io.uptake.metrics.action;

import io.uptake.platform.catalogue.CatalogueResource;
import jakarta.ws.rs.Path;

/** The action catalogue over HTTP: every signed-in person reads it (not CRM connectors), the CRM team (admin) maintains it. */
@Path("/api/metrics/actions")
public class ActionResource extends CatalogueResource {

    public ActionResource(ActionService actions) {
        super(actions, "action");
    }
}
