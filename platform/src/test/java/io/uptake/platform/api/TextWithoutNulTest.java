package io.uptake.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextWithoutNulTest {

    record Item(String title, List<String> tags) {}

    private final ObjectMapper json = new ObjectMapper();

    TextWithoutNulTest() {
        new TextWithoutNul().customize(json);
    }

    @Test
    void textWithANulCharacterIsRefusedNamingItsField() {
        assertThatThrownBy(() -> json.readValue("{\"title\":\"a\\u0000b\",\"tags\":[]}", Item.class))
                .isInstanceOf(InvalidFormatException.class)
                .hasMessageContaining("NUL")
                .satisfies(failure -> assertThat(((InvalidFormatException) failure)
                                .getPath()
                                .getFirst()
                                .getFieldName())
                        .isEqualTo("title"));
        assertThatThrownBy(() -> json.readValue("{\"title\":\"ok\",\"tags\":[\"\\u0000\"]}", Item.class))
                .isInstanceOf(InvalidFormatException.class);
    }

    @Test
    void anyOtherTextPassesUnchanged() throws Exception {
        Item item = json.readValue("{\"title\":\"ü🎉 \\u202e \\t\",\"tags\":[\"x\"]}", Item.class);
        assertThat(item.title()).isEqualTo("ü🎉 \u202e \t");
        assertThat(json.readValue("{\"title\":null,\"tags\":null}", Item.class).title())
                .isNull();
    }
}
