package io.uptake.metrics.salesforce;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.uptake.metrics.writekey.Sender;
import io.uptake.metrics.writekey.WriteKeyStore;
import io.uptake.metrics.writekey.WriteKeys;
import io.uptake.platform.api.Problem;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/**
 * Salesforce Event Monitoring: an EventLogFile ({@code Login}, {@code LightningPageView}, {@code URI}, {@code API},
 * {@code Report}, …) posted as Salesforce serves it, CSV with its header row, streamed. Posted by an admin (bearer
 * token), or by a job with a write key made with {@code eventLogs: true} (the HTTP Basic user name, as on
 * {@code /v1}): the caller is checked before a byte of the file is read.
 */
@Path("/api/metrics/imports/salesforce-event-log")
@PermitAll
public class EventLogResource {

    private final EventLogImport importer;
    private final WriteKeyStore keys;
    private final SecurityIdentity identity;

    public EventLogResource(EventLogImport importer, WriteKeyStore keys, SecurityIdentity identity) {
        this.importer = importer;
        this.keys = keys;
        this.identity = identity;
    }

    @POST
    @Consumes({"text/csv", "application/csv", "text/plain", "application/octet-stream"})
    @Blocking
    public Response importFile(@HeaderParam("Authorization") String authorization, InputStream csv) {
        if (identity.isAnonymous()) {
            String key = WriteKeys.fromBasic(authorization);
            Sender sender = key == null ? null : keys.authenticate(key).await().indefinitely();
            if (sender == null) {
                return unauthorized();
            }
            if (!sender.eventLogs()) {
                throw new ForbiddenException(
                        "This write key may not post EventLogFiles; an admin makes one with \"eventLogs\": true");
            }
        } else if (!identity.hasRole("admin")) {
            throw new ForbiddenException("Only an admin, or a write key made for it, imports EventLogFiles");
        }
        return Response.ok(importer.run(csv)).build();
    }

    private static Response unauthorized() {
        return Response.status(401)
                .type(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", "Bearer")
                .header("WWW-Authenticate", "Basic realm=\"uptake\"")
                .entity(Problem.of(
                        401,
                        "Unauthorized",
                        "An admin's bearer token, or a live write key (the HTTP Basic user name) made with eventLogs"))
                .build();
    }
}
