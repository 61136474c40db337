package io.uptake.gateway.protection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenMemoryTest {

    private static final long LATER = 10_000;

    @Test
    void aTokenIsRememberedUntilItExpires() {
        TokenMemory<String> memory = new TokenMemory<>(10, 1_000_000);
        memory.put("t1", "ana", 5_000);
        assertThat(memory.get("t1", 4_999)).isEqualTo("ana");
        assertThat(memory.get("t1", 5_000)).isNull();
        assertThat(memory.size()).isZero();
        assertThat(memory.bytes()).isZero();
    }

    @Test
    void whenFullTheLeastRecentlyUsedGoFirstAndTheRestStay() {
        TokenMemory<String> memory = new TokenMemory<>(3, 1_000_000);
        memory.put("a", "ana", LATER);
        memory.put("b", "ben", LATER);
        memory.put("c", "cai", LATER);
        memory.get("a", 0); // a is used again: b is now the oldest
        memory.put("d", "dee", LATER);
        assertThat(memory.size()).isEqualTo(3);
        assertThat(memory.get("b", 0)).isNull();
        assertThat(memory.get("a", 0)).isEqualTo("ana");
        assertThat(memory.get("c", 0)).isEqualTo("cai");
        assertThat(memory.get("d", 0)).isEqualTo("dee");
    }

    @Test
    void theMemoryIsBoundedInBytesToo() {
        long room = 3L * (2 * 1000 + TokenMemory.ENTRY_OVERHEAD_BYTES);
        TokenMemory<String> memory = new TokenMemory<>(1_000, room);
        for (int i = 0; i < 10; i++) {
            memory.put(Integer.toString(i).repeat(1000), "p" + i, LATER);
        }
        assertThat(memory.size()).isEqualTo(3);
        assertThat(memory.bytes()).isLessThanOrEqualTo(room);
        assertThat(memory.get("9".repeat(1000), 0)).isEqualTo("p9");
        assertThat(memory.get("0".repeat(1000), 0)).isNull();
    }

    @Test
    void aTokenLargerThanTheWholeMemoryIsNotKept() {
        TokenMemory<String> memory = new TokenMemory<>(10, 100);
        memory.put("x".repeat(1000), "huge", LATER);
        assertThat(memory.size()).isZero();
    }
}
