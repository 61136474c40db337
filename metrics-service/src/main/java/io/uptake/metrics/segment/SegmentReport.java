package io.uptake.metrics.segment;

import java.util.List;

/**
 * Segment's answer ({@code "success": true}), with what Uptake made of the messages: accepted (in Kafka), duplicates
 * (a message id this key sent before), unmapped (names kept for the CRM team to map), identified (identify calls that
 * updated or confirmed a roster entry), and each rejected message with its position and what is wrong with it. One
 * bad message never loses the rest.
 */
public record SegmentReport(
        boolean success, int accepted, int duplicates, int unmapped, int identified, List<Rejected> rejected) {

    public record Rejected(int index, List<String> errors) {}
}
