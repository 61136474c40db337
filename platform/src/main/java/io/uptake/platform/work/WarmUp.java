package io.uptake.platform.work;

import io.smallrye.mutiny.Uni;

/**
 * A read a service runs once when it starts, so that the first person to open a page does not pay for
 * work done once per process. Hibernate translating its first query takes about a second on this
 * project's machines, on the event loop, and every request on that loop waits for it: the first visit
 * of the home page took 2.8 s, most of it behind the action catalogue's first list.
 */
public interface WarmUp {

    /** The read to run at start; its answer is dropped. */
    Uni<?> warmUp();
}
