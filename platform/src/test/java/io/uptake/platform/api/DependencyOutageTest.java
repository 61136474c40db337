package io.uptake.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class DependencyOutageTest {

    @Test
    void anUnreachableOrClosedConnectionAnywhereInTheChainIsAnOutage() {
        assertThat(DependencyOutage.causedBy(new ConnectException("Connection refused: localhost/127.0.0.1:5433")))
                .isTrue();
        assertThat(DependencyOutage.causedBy(
                        new CompletionException(new RuntimeException(new ConnectException("refused")))))
                .isTrue();
        assertThat(DependencyOutage.causedBy(ClosedConnectionException.INSTANCE))
                .isTrue();
        assertThat(DependencyOutage.causedBy(new java.util.concurrent.TimeoutException("pool")))
                .isTrue();
    }

    @Test
    void aBugIsNotAnOutage() {
        assertThat(DependencyOutage.causedBy(new NullPointerException("oops"))).isFalse();
        assertThat(DependencyOutage.causedBy(new IllegalStateException("bad", new IllegalArgumentException())))
                .isFalse();
    }
}
