package io.uptake.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StreamCapacityTest {

    @Test
    void aConfiguredNumberIsTakenAsItIs() {
        assertThat(StreamCapacity.of(Optional.of(12_345), 1_000, true)).isEqualTo(12_345);
    }

    @Test
    void theDefaultFitsTheOpenFilesLeftAfterTheReserveAndTheUpstreamConnections() {
        assertThat(StreamCapacity.of(Optional.empty(), 1_048_576, true)).isEqualTo(StreamCapacity.DEFAULT);
        assertThat(StreamCapacity.of(Optional.empty(), 20_000, true))
                .as("10,000 callers and 200 upstream connections fit in 20,000 files")
                .isEqualTo(StreamCapacity.DEFAULT);
        assertThat(StreamCapacity.of(Optional.empty(), 12_048, true)).isEqualTo(9_803);
        int streams = StreamCapacity.of(Optional.empty(), 12_048, true);
        assertThat(streams + StreamCapacity.upstreamConnections(streams)).isLessThanOrEqualTo(10_000);
        assertThat(StreamCapacity.of(Optional.empty(), 1_024, true)).isEqualTo(1);
        assertThat(StreamCapacity.of(Optional.empty(), 0, true))
                .as("limit unknown")
                .isEqualTo(StreamCapacity.DEFAULT);
    }

    @Test
    void withoutHttp2EachStreamHoldsTwoSockets() {
        assertThat(StreamCapacity.of(Optional.empty(), 20_000, false))
                .isEqualTo((20_000 - StreamCapacity.RESERVED_FILES) / 2);
        assertThat(StreamCapacity.of(Optional.empty(), 1_048_576, false)).isEqualTo(StreamCapacity.DEFAULT);
    }

    @Test
    void upstreamConnectionsCarryFiftyStreamsEach() {
        assertThat(StreamCapacity.upstreamConnections(10_000)).isEqualTo(200);
        assertThat(StreamCapacity.upstreamConnections(10_001)).isEqualTo(201);
        assertThat(StreamCapacity.upstreamConnections(1)).isEqualTo(1);
    }

    @Test
    void seatsAreRefusedByCallerThenByReplicaAndComeBackWhenReleased() {
        StreamSeats seats = new StreamSeats(2, 3);
        assertThat(seats.take("a")).isEqualTo(StreamSeats.Taken.YES);
        assertThat(seats.take("a")).isEqualTo(StreamSeats.Taken.YES);
        assertThat(seats.take("a")).isEqualTo(StreamSeats.Taken.CALLER_FULL);
        assertThat(seats.take("b")).isEqualTo(StreamSeats.Taken.YES);
        assertThat(seats.take("c")).isEqualTo(StreamSeats.Taken.REPLICA_FULL);
        assertThat(seats.open()).isEqualTo(3);
        seats.release("a");
        assertThat(seats.take("c")).isEqualTo(StreamSeats.Taken.YES);
        assertThat(seats.held("a")).isEqualTo(1);
        assertThat(seats.open()).isEqualTo(3);
    }
}
