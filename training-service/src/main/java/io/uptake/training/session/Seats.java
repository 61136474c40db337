package io.uptake.training.session;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Seats in sessions, never beyond capacity: a seat is taken by one conditional update of the session
 * row ({@code seats_taken < capacity}), which PostgreSQL re-checks after waiting for a concurrent one.
 */
@ApplicationScoped
public class Seats {

    /** Takes a seat in this session; false when it is full. */
    public Uni<Boolean> take(SqlClient client, UUID sessionId) {
        return client.preparedQuery(
                        "update training_session set seats_taken = seats_taken + 1 where id = $1 and seats_taken < capacity")
                .execute(Tuple.of(sessionId))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Books the person into the next future session of the module with a free seat; null when there is none. */
    public Uni<SessionRef> bookNext(SqlClient client, UUID moduleId, String userId, UUID assignmentId) {
        return client.preparedQuery("""
                        with next as (
                            select id from training_session
                            where module_id = $1 and starts_at > now() and seats_taken < capacity
                              and not exists (select 1 from enrolment e where e.session_id = training_session.id and e.user_id = $2)
                            order by starts_at, id limit 1 for update skip locked
                        ), taken as (
                            update training_session s set seats_taken = s.seats_taken + 1 from next
                            where s.id = next.id and s.seats_taken < s.capacity
                            returning s.id, s.starts_at, s.location
                        ), enrolled as (
                            insert into enrolment (session_id, user_id, assignment_id) select id, $2, $3 from taken
                        )
                        select * from taken""")
                .execute(Tuple.of(moduleId, userId, assignmentId))
                .map(rows -> rows.size() == 0
                        ? null
                        : new SessionRef(
                                rows.iterator().next().getUUID("id"),
                                rows.iterator().next().getOffsetDateTime("starts_at"),
                                rows.iterator().next().getString("location")));
    }
}
