package io.uptake.metrics.scorecard;

import io.uptake.metrics.roster.Memberships;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Everyone a snapshot scored in any of its periods, each at a fixed position (by user id), so that what it keeps per
 * period and person is an array slot rather than a map entry: 4 bytes instead of about 40, which is what lets a
 * weekly trend over 100,000 people keep its 1.3 million parts.
 */
final class TeamIndex {

    private final String[] userIds;

    private TeamIndex(String[] userIds) {
        this.userIds = userIds;
    }

    /** The index of everyone active in any of the periods. */
    static TeamIndex of(List<List<Memberships.Entry>> periods) {
        TreeSet<String> everyone = new TreeSet<>();
        periods.forEach(period -> period.forEach(person -> everyone.add(person.userId())));
        return new TeamIndex(everyone.toArray(String[]::new));
    }

    /** This index with {@code more} people added (the same index when they are all in it already). */
    TeamIndex with(java.util.Collection<String> more) {
        TreeSet<String> everyone = new TreeSet<>(Arrays.asList(userIds));
        if (!everyone.addAll(more)) {
            return this;
        }
        return new TeamIndex(everyone.toArray(String[]::new));
    }

    /** Where each of this index's people sits in {@code grown}, an index holding all of them. */
    int[] positionsIn(TeamIndex grown) {
        int[] positions = new int[userIds.length];
        for (int i = 0; i < userIds.length; i++) {
            positions[i] = grown.indexOf(userIds[i]);
        }
        return positions;
    }

    int size() {
        return userIds.length;
    }

    /** The person's position, or -1 when they were in none of the periods. */
    int indexOf(String userId) {
        int at = Arrays.binarySearch(userIds, userId);
        return at < 0 ? -1 : at;
    }

    /** Those of these people who have a position, in user-id order. */
    List<String> membersOf(Collection<String> people) {
        return people.stream().filter(userId -> indexOf(userId) >= 0).sorted().toList();
    }

    String userId(int index) {
        return userIds[index];
    }

    /**
     * One period's people at their positions (null: not active then); the {@code previous} period's array itself
     * when the same people, in the same units and roles, were active then, as between most periods of a trend.
     */
    Memberships.Entry[] place(List<Memberships.Entry> active, Memberships.Entry[] previous) {
        Memberships.Entry[] placed = new Memberships.Entry[userIds.length];
        for (Memberships.Entry person : active) {
            placed[indexOf(person.userId())] = person;
        }
        return Arrays.equals(placed, previous) ? previous : placed;
    }
}
