package io.uptake.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** What PostgreSQL's refusals become for a client. */
class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    private static Exception wrapped(String sqlState) {
        return new IllegalStateException("failed", new PgException("refused", "ERROR", sqlState, "detail"));
    }

    @Test
    void aValueRefusedAsDataIsABadRequest() {
        Response answer = mappers.unexpected(wrapped("22001"));
        assertThat(answer.getStatus()).isEqualTo(400);
        assertThat(answer.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
    }

    @Test
    void aUniqueKeyTakenByAConcurrentRequestIsAConflict() {
        Response answer = mappers.unexpected(wrapped("23505"));
        assertThat(answer.getStatus()).isEqualTo(409);
        assertThat(((Problem) answer.getEntity()).detail()).contains("another request created it");
    }

    @Test
    void anyOtherFailureIsAnInternalError() {
        assertThat(mappers.unexpected(wrapped("23503")).getStatus()).isEqualTo(500);
        assertThat(mappers.unexpected(new IllegalStateException("bug")).getStatus())
                .isEqualTo(500);
    }

    @Test
    void aRefusalKeepsTheReasonTheCodeGaveWhicheverExceptionCarriesIt() {
        Response security = mappers.forbidden(
                new io.quarkus.security.ForbiddenException("Managers read their own business unit only"));
        Response jaxrs = mappers.forbiddenRequest(
                new jakarta.ws.rs.ForbiddenException("Managers read their own business unit only"));
        for (Response answer : java.util.List.of(security, jaxrs)) {
            assertThat(answer.getStatus()).isEqualTo(403);
            assertThat(answer.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
            assertThat(((Problem) answer.getEntity()).detail()).isEqualTo("Managers read their own business unit only");
        }
    }

    @Test
    void aRefusalWithoutAReasonSaysTheRolesRefused() {
        Response security = mappers.forbidden(new io.quarkus.security.ForbiddenException());
        Response jaxrs = mappers.forbiddenRequest(new jakarta.ws.rs.ForbiddenException());
        for (Response answer : java.util.List.of(security, jaxrs)) {
            assertThat(((Problem) answer.getEntity()).detail()).isEqualTo("Your roles do not allow this request");
        }
    }
}
