package io.uptake.platform.work;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

/** Runs every {@link WarmUp} once the service has started, without delaying the start or readiness. */
@ApplicationScoped
class WarmUps {

    void onStart(@Observes StartupEvent started, @Any Instance<WarmUp> warmUps) {
        for (WarmUp warmUp : warmUps) {
            String name = warmUp.getClass().getSimpleName();
            // a duplicated Vert.x context of its own, as a request has: Hibernate Reactive's sessions need one
            VertxContextSupport.subscribe(
                    () -> warmUp.warmUp().toMulti(),
                    run -> run.with(
                            done -> Log.debugf("%s warmed up", name),
                            failure -> Log.warnf("%s could not warm up: %s", name, failure.getMessage())));
        }
    }
}
