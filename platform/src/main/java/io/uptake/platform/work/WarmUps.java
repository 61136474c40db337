package io.uptake.platform.work;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Runs every {@link WarmUp} once the service has started, without delaying the start or readiness. */
@ApplicationScoped
public class WarmUps {

    private final Set<String> warmed = ConcurrentHashMap.newKeySet();

    void start(@Observes StartupEvent started, @Any Instance<WarmUp> warmUps) {
        for (Instance.Handle<WarmUp> handle : warmUps.handles()) {
            String name = handle.getBean().getBeanClass().getSimpleName();
            // a duplicated Vert.x context of its own, as a request has: Hibernate Reactive's sessions need one
            VertxContextSupport.subscribe(
                    () -> handle.get().warmUp().toMulti(),
                    run -> run.with(
                            done -> warmed.add(name),
                            failure -> Log.warnf("%s could not warm up: %s", name, failure.getMessage())));
        }
    }

    /** The simple class names of the beans whose warm-up has finished without a failure. */
    public Set<String> warmed() {
        return Collections.unmodifiableSet(warmed);
    }
}
