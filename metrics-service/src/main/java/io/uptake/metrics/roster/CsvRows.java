package io.uptake.metrics.roster;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** RFC 4180 CSV with a header row: each line becomes a map from the header's column names to the values. */
final class CsvRows {

    /** The file cannot be read as CSV at all (as opposed to a row with bad values). */
    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message);
        }
    }

    private CsvRows() {}

    static List<Map<String, Object>> parse(String text, List<String> knownColumns) {
        List<List<String>> records = records(text);
        if (records.isEmpty()) {
            throw new Malformed("The file is empty: it needs a header row (" + String.join(",", knownColumns)
                    + ") and one row per person");
        }
        List<String> header = new ArrayList<>();
        for (String name : records.getFirst()) {
            String column = knownColumns.stream()
                    .filter(known -> known.equalsIgnoreCase(name.strip()))
                    .findFirst()
                    .orElseThrow(() -> new Malformed("Unknown column '" + name.strip() + "'; the columns are "
                            + String.join(",", knownColumns)));
            header.add(column);
        }
        List<Map<String, Object>> rows = new ArrayList<>(records.size() - 1);
        for (List<String> record : records.subList(1, records.size())) {
            Map<String, Object> row = new HashMap<>();
            for (int i = 0; i < header.size() && i < record.size(); i++) {
                row.put(header.get(i), record.get(i));
            }
            if (record.size() > header.size()) {
                row.put("_extra", record.size() - header.size());
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        try {
            CsvReader reader = new CsvReader(new StringReader(text));
            for (List<String> record = reader.next(); record != null; record = reader.next()) {
                if (record.size() > 1 || !record.getFirst().isEmpty()) { // blank lines are skipped
                    records.add(record);
                }
            }
        } catch (IOException e) {
            throw new Malformed(e.getMessage());
        }
        return records;
    }
}
