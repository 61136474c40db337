package io.uptake.testsupport;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a test consumer received from one of the service's (test) topics, as other services will read
 * it. Every value handed to a test is first held against the topic's contract in {@code docs/events}, so
 * each test that reads a probe also proves the producer keeps the contract.
 */
public abstract class ContractProbe {

    private final String contract;
    // a queue, not a copy-on-write list: a roster import puts tens of thousands of records on a topic at once
    private final Queue<ConsumerRecord<String, String>> received = new ConcurrentLinkedQueue<>();

    /** {@code contract}: the topic whose schema the values follow, such as {@code uptake.people}. */
    protected ContractProbe(String contract) {
        this.contract = contract;
    }

    /** Call from the subclass's {@code @Incoming} method. */
    protected void record(ConsumerRecord<String, String> record) {
        // other tests put malformed records on the same topics: they are kept, and fail only a test that reads them
        received.add(record);
    }

    /** The values of the records with this key, in arrival order. */
    public List<String> valuesFor(String key) {
        return checked(received.stream().filter(seen -> key.equals(seen.key())).toList()).stream()
                .map(ConsumerRecord::value)
                .toList();
    }

    /** The records whose value contains {@code part} (such as an id), in arrival order. */
    public List<ConsumerRecord<String, String>> recordsHolding(String part) {
        return checked(received.stream()
                .filter(seen -> seen.value() != null && seen.value().contains(part))
                .toList());
    }

    /** The records, once none of them breaks the contract; else an AssertionError naming what the first breaks. */
    private List<ConsumerRecord<String, String>> checked(List<ConsumerRecord<String, String>> records) {
        for (ConsumerRecord<String, String> seen : records) {
            List<String> violations = EventContracts.violations(contract, seen.value());
            if (!violations.isEmpty()) {
                throw EventContracts.broken(contract, seen.value(), violations);
            }
        }
        return records;
    }
}
