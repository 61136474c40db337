package io.uptake.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a test consumer received from one of the service's (test) topics, as other services will read
 * it. Every value handed to a test is first held against the topic's contract in {@code docs/events}, so
 * each test that reads a probe also proves the producer keeps the contract.
 */
public abstract class ContractProbe {

    /** A record as received, and what it breaks of the contract (checked once, when it arrives). */
    private record Received(ConsumerRecord<String, String> record, List<String> violations) {}

    private final String contract;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** {@code contract}: the topic whose schema the values follow, such as {@code uptake.people}. */
    protected ContractProbe(String contract) {
        this.contract = contract;
    }

    /** Call from the subclass's {@code @Incoming} method. */
    protected void record(ConsumerRecord<String, String> record) {
        // other tests put malformed records on the same topics: they are kept, and fail only a test that reads them
        received.add(new Received(record, EventContracts.violations(contract, record.value())));
    }

    /** The values of the records with this key, in arrival order. */
    public List<String> valuesFor(String key) {
        return checked(received.stream()
                        .filter(seen -> key.equals(seen.record().key()))
                        .toList())
                .stream()
                .map(ConsumerRecord::value)
                .toList();
    }

    /** The records whose value contains {@code part} (such as an id), in arrival order. */
    public List<ConsumerRecord<String, String>> recordsHolding(String part) {
        return checked(received.stream()
                .filter(seen ->
                        seen.record().value() != null && seen.record().value().contains(part))
                .toList());
    }

    /** The records, once none of them breaks the contract; else an AssertionError naming what each breaks. */
    private List<ConsumerRecord<String, String>> checked(List<Received> records) {
        for (Received seen : records) {
            if (!seen.violations().isEmpty()) {
                throw EventContracts.broken(contract, seen.record().value(), seen.violations());
            }
        }
        return records.stream().map(Received::record).toList();
    }
}
