package io.uptake.metrics.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CSV cells: quoted where needed, and text that a spreadsheet would run as a formula kept as text. */
class CsvWriterTest {

    record Person(String userId, String displayName, int score, double change, List<String> notes) {}

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2-2", "@SUM(A1)", "\tcmd", "\rcmd"})
    void textStartingLikeAFormulaGetsAnApostrophe(String text) {
        assertThat(CsvWriter.neutralised(text)).isEqualTo("'" + text);
    }

    @Test
    void ordinaryTextIsUnchanged() {
        assertThat(CsvWriter.neutralised("Ana Lima")).isEqualTo("Ana Lima");
        assertThat(CsvWriter.neutralised("")).isEmpty();
        assertThat(CsvWriter.neutralised("a=b")).isEqualTo("a=b");
    }

    @Test
    void aRowNeutralisesPeoplesTextButNotTheServicesNumbers() {
        String csv = CsvWriter.lines(List.of(
                new Person("=cmd|' /C calc'!A0", "Eve, \"the\" tester", -3, -0.25, List.of("@first", "second"))));
        assertThat(csv).isEqualTo("'=cmd|' /C calc'!A0,\"Eve, \"\"the\"\" tester\",-3,-0.25,'@first; second\r\n");
        assertThat(CsvWriter.header(Person.class)).isEqualTo("userId,displayName,score,change,notes\r\n");
    }
}
