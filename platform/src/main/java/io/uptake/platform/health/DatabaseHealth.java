package io.uptake.platform.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether PostgreSQL answers, in the health group {@code dependencies}
 * ({@code /q/health/group/dependencies}) for operators: deliberately not in readiness, so that a
 * database blip does not take every replica out of the load balancer at once (requests that need the
 * database answer 503 with {@code Retry-After} meanwhile), and never in liveness.
 */
@HealthGroup("dependencies")
@ApplicationScoped
public class DatabaseHealth implements AsyncHealthCheck {

    private static final Duration WITHIN = Duration.ofSeconds(2);

    private final Pool pool;

    public DatabaseHealth(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.query("select 1")
                .execute()
                .ifNoItem()
                .after(WITHIN)
                .fail()
                .map(rows -> HealthCheckResponse.up("postgresql"))
                .onFailure()
                .recoverWithItem(failure -> HealthCheckResponse.named("postgresql")
                        .down()
                        .withData("error", String.valueOf(failure.getMessage()))
                        .build());
    }
}
