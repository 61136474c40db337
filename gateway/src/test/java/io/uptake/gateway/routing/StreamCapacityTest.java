package io.uptake.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StreamCapacityTest {

    @Test
    void aConfiguredNumberIsTakenAsItIs() {
        assertThat(StreamCapacity.of(Optional.of(12_345), 1_000)).isEqualTo(12_345);
    }

    @Test
    void theDefaultFitsHalfTheOpenFilesLeftAfterTheReserve() {
        assertThat(StreamCapacity.of(Optional.empty(), 1_048_576)).isEqualTo(StreamCapacity.DEFAULT);
        assertThat(StreamCapacity.of(Optional.empty(), 20_000)).isEqualTo((20_000 - StreamCapacity.RESERVED_FILES) / 2);
        assertThat(StreamCapacity.of(Optional.empty(), 1_024)).isEqualTo(1);
        assertThat(StreamCapacity.of(Optional.empty(), 0)).as("limit unknown").isEqualTo(StreamCapacity.DEFAULT);
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
