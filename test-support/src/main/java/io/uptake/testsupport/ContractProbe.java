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

    private final String contract;
    private final List<ConsumerRecord<String, String>> received = new CopyOnWriteArrayList<>();

    /** {@code contract}: the topic whose schema the values follow, such as {@code uptake.people}. */
    protected ContractProbe(String contract) {
        this.contract = contract;
    }

    /** Call from the subclass's {@code @Incoming} method. */
    protected void record(ConsumerRecord<String, String> record) {
        received.add(record);
    }

    /** The values of the records with this key, in arrival order. */
    public List<String> valuesFor(String key) {
        return checked(
                received.stream().filter(record -> key.equals(record.key())).toList());
    }

    /** The records whose value contains {@code part} (such as an id), in arrival order. */
    public List<ConsumerRecord<String, String>> recordsHolding(String part) {
        List<ConsumerRecord<String, String>> matching = received.stream()
                .filter(record -> record.value() != null && record.value().contains(part))
                .toList();
        checked(matching);
        return matching;
    }

    private List<String> checked(List<ConsumerRecord<String, String>> records) {
        List<String> values = records.stream().map(ConsumerRecord::value).toList();
        values.forEach(value -> EventContracts.assertHolds(contract, value));
        return values;
    }
}
