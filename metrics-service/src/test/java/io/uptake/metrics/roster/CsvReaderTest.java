package io.uptake.metrics.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void theCsvReaderKeepsQuotedCommasQuotesAndLineBreaksAndCountsLines() throws IOException {
        CsvReader reader = new CsvReader(new StringReader("A,B\r\n\"x, \"\"y\"\"\",\"two\nlines\"\n\nlast,1"));
        assertThat(reader.next()).containsExactly("A", "B");
        assertThat(reader.next()).containsExactly("x, \"y\"", "two\nlines");
        assertThat(reader.recordLine()).isEqualTo(2);
        assertThat(reader.next()).containsExactly("");
        assertThat(reader.recordLine()).isEqualTo(4);
        assertThat(reader.next()).containsExactly("last", "1");
        assertThat(reader.recordLine()).isEqualTo(5);
        assertThat(reader.next()).isNull();
    }

    @Test
    void aQuotedValueNeverClosedIsAnErrorNotTheRestOfTheFile() {
        CsvReader reader = new CsvReader(new StringReader("A,B\n\"open,1\n2,3\n"));
        assertThatThrownBy(() -> {
                    reader.next();
                    reader.next();
                })
                .isInstanceOf(IOException.class)
                .hasMessageContaining("line 2");
    }
}
