package io.uptake.metrics.usage;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The days on which one person used the CRM, as the yearly bitmaps of {@code person_activity}: day of
 * year n (1-based) is bit (n - 1) % 64 of word (n - 1) / 64. Counting any range is a few masked
 * {@link Long#bitCount}s per year.
 */
public final class ActiveDays {

    static final int WORDS = 6;
    private static final Map<Integer, long[]> WORKDAYS = new ConcurrentHashMap<>();

    private final Map<Integer, long[]> years = new HashMap<>(2);

    public static ActiveDays none() {
        return new ActiveDays();
    }

    /** Adds (or-s) the bitmap of one year. */
    public ActiveDays add(int year, long[] bitmap) {
        long[] days = years.computeIfAbsent(year, y -> new long[WORDS]);
        for (int i = 0; i < Math.min(WORDS, bitmap.length); i++) {
            days[i] |= bitmap[i];
        }
        return this;
    }

    /** Marks one day as active (for tests and for building calendars in memory). */
    public ActiveDays add(LocalDate day) {
        int bit = day.getDayOfYear() - 1;
        long[] word = new long[WORDS];
        word[bit / 64] = 1L << (bit % 64);
        return add(day.getYear(), word);
    }

    public boolean on(LocalDate day) {
        long[] days = years.get(day.getYear());
        int bit = day.getDayOfYear() - 1;
        return days != null && (days[bit / 64] & (1L << (bit % 64))) != 0;
    }

    /** Active days in {@code from}..{@code to}, both included. */
    public long count(LocalDate from, LocalDate to) {
        return count(from, to, false);
    }

    /** Active days in {@code from}..{@code to} that are workdays (Monday to Friday). */
    public long workdays(LocalDate from, LocalDate to) {
        return count(from, to, true);
    }

    /** The last active day on or before {@code day}, in the years this calendar holds; null when there is none. */
    public LocalDate lastOnOrBefore(LocalDate day) {
        return years.keySet().stream()
                .filter(year -> year <= day.getYear())
                .sorted(java.util.Comparator.reverseOrder())
                .map(year -> lastIn(year, year == day.getYear() ? day.getDayOfYear() - 1 : WORDS * 64 - 1))
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /** The last active day of the year at or before its bit {@code lastBit}, or null. */
    private LocalDate lastIn(int year, int lastBit) {
        long[] days = years.get(year);
        for (int word = Math.min(lastBit / 64, WORDS - 1); word >= 0; word--) {
            long mask = word == lastBit / 64 ? -1L >>> (63 - lastBit % 64) : -1L;
            long active = days[word] & mask;
            if (active != 0) {
                int dayOfYear = word * 64 + 63 - Long.numberOfLeadingZeros(active) + 1;
                return LocalDate.ofYearDay(year, dayOfYear);
            }
        }
        return null;
    }

    public boolean any(LocalDate from, LocalDate to) {
        return count(from, to) > 0;
    }

    public boolean none(LocalDate from, LocalDate to) {
        return count(from, to) == 0;
    }

    private long count(LocalDate from, LocalDate to, boolean workdaysOnly) {
        if (to.isBefore(from) || years.isEmpty()) {
            return 0;
        }
        long total = 0;
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            long[] days = years.get(year);
            if (days == null) {
                continue;
            }
            int first = year == from.getYear() ? from.getDayOfYear() - 1 : 0;
            int last = year == to.getYear()
                    ? to.getDayOfYear() - 1
                    : LocalDate.of(year, 12, 31).getDayOfYear() - 1;
            long[] workdays = workdaysOnly ? workdayMask(year) : null;
            for (int word = first / 64; word <= last / 64; word++) {
                long mask = -1L;
                if (word == first / 64) {
                    mask &= -1L << (first % 64);
                }
                if (word == last / 64) {
                    mask &= -1L >>> (63 - last % 64);
                }
                if (workdays != null) {
                    mask &= workdays[word];
                }
                total += Long.bitCount(days[word] & mask);
            }
        }
        return total;
    }

    /** Workdays (Monday to Friday) in {@code from}..{@code to}, active or not. */
    public static long workdaysBetween(LocalDate from, LocalDate to) {
        ActiveDays all = new ActiveDays();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            all.years.put(year, workdayMask(year));
        }
        return all.count(from, to);
    }

    static boolean isWorkday(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private static long[] workdayMask(int year) {
        return WORKDAYS.computeIfAbsent(year, y -> {
            long[] mask = new long[WORDS];
            for (LocalDate day = LocalDate.of(y, 1, 1); day.getYear() == y; day = day.plusDays(1)) {
                if (isWorkday(day)) {
                    int bit = day.getDayOfYear() - 1;
                    mask[bit / 64] |= 1L << (bit % 64);
                }
            }
            return mask;
        });
    }
}
