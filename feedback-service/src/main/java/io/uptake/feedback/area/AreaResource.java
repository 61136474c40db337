package io.uptake.feedback.area;

import io.uptake.platform.catalogue.CatalogueResource;
import jakarta.ws.rs.Path;

/** The feedback areas over HTTP: every signed-in person reads them (not the CRM connector), the CRM team (admin) maintains them. */
@Path("/api/feedback/areas")
public class AreaResource extends CatalogueResource {

    public AreaResource(AreaService areas) {
        super(areas, "area");
    }
}
