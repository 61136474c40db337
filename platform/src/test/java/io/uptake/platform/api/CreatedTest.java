package io.uptake.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CreatedTest {

    /** A UriInfo that knows only the request's absolute path, all {@link Created} reads. */
    private static UriInfo at(String path) {
        return (UriInfo) Proxy.newProxyInstance(
                UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("getAbsolutePathBuilder")) {
                        return UriBuilder.fromUri(path);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aCreatedEntityIsA201AtItsOwnAddressBelowTheCollectionWithItselfAsTheBody() {
        Map<String, Object> saved = Map.of("id", 42, "title", "Faster search");

        Response answer = Created.below(at("http://localhost:8081/api/feedback/items"), 42, saved);

        assertThat(answer.getStatus()).isEqualTo(201);
        assertThat(answer.getLocation()).isEqualTo(URI.create("http://localhost:8081/api/feedback/items/42"));
        assertThat(answer.getEntity()).isSameAs(saved);
    }

    @Test
    void aCodeWithCharactersAPathMustEscapeIsEscaped() {
        Response answer = Created.below(at("http://localhost:8081/api/training/skills"), "pipeline review", "x");

        assertThat(answer.getLocation())
                .isEqualTo(URI.create("http://localhost:8081/api/training/skills/pipeline%20review"));
    }
}
