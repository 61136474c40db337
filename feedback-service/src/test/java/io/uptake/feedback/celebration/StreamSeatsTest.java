package io.uptake.feedback.celebration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class StreamSeatsTest {

    @Test
    void aPersonHoldsAtMostTheirSeatsAndGetsOneBackWhenAStreamEnds() {
        StreamSeats seats = new StreamSeats(3);
        assertThat(seats.take("ana")).isTrue();
        assertThat(seats.take("ana")).isTrue();
        assertThat(seats.take("ana")).isTrue();
        assertThat(seats.take("ana")).isFalse();
        assertThat(seats.take("ben")).as("another person's seats are their own").isTrue();

        seats.release("ana");
        assertThat(seats.held("ana")).isEqualTo(2);
        assertThat(seats.take("ana")).isTrue();
    }

    @Test
    void releasingTheLastSeatForgetsThePerson() {
        StreamSeats seats = new StreamSeats(1);
        seats.take("ana");
        seats.release("ana");
        seats.release("ana");
        assertThat(seats.held("ana")).isZero();
        assertThat(seats.take("ana")).isTrue();
    }

    @Test
    void manyStreamsAtOnceNeverGetMoreSeatsThanAllowed() throws Exception {
        StreamSeats seats = new StreamSeats(3);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                attempts.add(pool.submit(() -> seats.take("ana")));
            }
            long taken = 0;
            for (Future<Boolean> attempt : attempts) {
                taken += attempt.get() ? 1 : 0;
            }
            assertThat(taken).isEqualTo(3);
            assertThat(seats.held("ana")).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }
}
