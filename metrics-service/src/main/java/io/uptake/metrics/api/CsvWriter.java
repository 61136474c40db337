package io.uptake.metrics.api;

import io.uptake.platform.api.PageView;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Report rows (records, a list of them, or a page of them) as CSV with a header row: one column per
 * record component; a nested list of records becomes one cell, its items separated by {@code ;}.
 * Resources answer CSV when the client asks for it ({@link #wanted}); JSON stays the default.
 */
public final class CsvWriter {

    public static final String TEXT_CSV = "text/csv";

    /** Each record type's components, looked up once: reflection per row was most of an export's cost. */
    private static final ClassValue<RecordComponent[]> COLUMNS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            for (RecordComponent component : components) {
                component.getAccessor().setAccessible(true);
            }
            return components;
        }
    };

    private CsvWriter() {}

    /** Whether the Accept header asks for CSV. */
    public static boolean wanted(String accept) {
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains(TEXT_CSV);
    }

    /** The entity as JSON, or as CSV when the client asked for it; {@code rowType} names the columns of an empty list. */
    public static Response respond(String accept, Object entity, Class<?> rowType) {
        if (!wanted(accept)) {
            return Response.ok(entity, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.ok(write(entity, rowType), TEXT_CSV + "; charset=UTF-8").build();
    }

    static String write(Object entity, Class<?> declaredRowType) {
        List<?> rows = entity instanceof PageView<?> page
                ? page.items()
                : entity instanceof Collection<?> collection ? List.copyOf(collection) : List.of(entity);
        Class<?> rowType = rows.isEmpty() ? declaredRowType : rows.getFirst().getClass();
        if (rowType == null || !rowType.isRecord()) {
            return "";
        }
        return header(rowType) + lines(rows);
    }

    /** The header line of a CSV of {@code rowType} records. */
    public static String header(Class<?> rowType) {
        return java.util.Arrays.stream(COLUMNS.get(rowType))
                        .map(RecordComponent::getName)
                        .collect(Collectors.joining(","))
                + "\r\n";
    }

    /** One CSV line per record, in the column order of {@link #header}. */
    public static String lines(List<?> rows) {
        StringBuilder csv = new StringBuilder();
        for (Object row : rows) {
            RecordComponent[] columns = COLUMNS.get(row.getClass());
            for (int i = 0; i < columns.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                csv.append(escape(cell(read(columns[i], row))));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(CsvWriter::cell).collect(Collectors.joining("; "));
        }
        if (value.getClass().isRecord()) {
            return java.util.Arrays.stream(COLUMNS.get(value.getClass()))
                    .map(component -> component.getName() + "=" + cell(read(component, value)))
                    .collect(Collectors.joining(" "));
        }
        return value instanceof CharSequence text ? neutralised(text.toString()) : value.toString();
    }

    /**
     * Text that a spreadsheet would run as a formula ({@code = + - @}, or a tab or carriage return first)
     * gets a leading apostrophe, so that an exported name like {@code =HYPERLINK(…)} stays text (OWASP's
     * CSV injection advice). Numbers are written as they are: they come from the service, not from people.
     */
    static String neutralised(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text
                : text;
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String escape(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
