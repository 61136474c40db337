package io.uptake.metrics.roster;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV one record at a time from a stream (quoted fields, doubled quotes, commas and line breaks inside
 * quotes), so that a file of any size is never held whole. Knows the line each record starts on.
 */
public final class CsvReader {

    /** A field longer than this is a broken file, not a value (an unclosed quote would swallow the rest). */
    public static final int MAX_FIELD = 100_000;

    private final Reader in;
    private int line = 1;
    private int recordLine;
    private int peeked = -2;
    private final char[] buffer = new char[1 << 14];
    private int position;
    private int filled;

    public CsvReader(Reader in) {
        this.in = in;
    }

    /** The line the last record returned started on (1 for the header). */
    public int recordLine() {
        return recordLine;
    }

    /** The next record's fields, or null at the end of the stream; a blank line is one empty field. */
    public List<String> next() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (c == -1) {
                if (quoted) {
                    throw new IOException(
                            "A quoted value is not closed (the value that starts on line " + recordLine + ")");
                }
                fields.add(field.toString());
                return fields;
            }
            if (quoted) {
                if (c == '"') {
                    int after = read();
                    if (after == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = after;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r') {
                    int after = read();
                    if (after != '\n') {
                        peeked = after;
                    }
                }
                line++;
                fields.add(field.toString());
                return fields;
            } else {
                field.append((char) c);
            }
            if (field.length() > MAX_FIELD) {
                throw new IOException("line " + recordLine + ": a field longer than " + MAX_FIELD
                        + " characters (an unclosed quote?)");
            }
            c = read();
        }
    }

    /** One character, from a buffer of its own (a Reader's read() per character takes a lock each time). */
    private int read() throws IOException {
        if (peeked != -2) {
            int c = peeked;
            peeked = -2;
            return c;
        }
        if (position == filled) {
            filled = in.read(buffer, 0, buffer.length);
            position = 0;
            if (filled <= 0) {
                filled = 0;
                return -1;
            }
        }
        return buffer[position++];
    }
}
