package io.uptake.feedback.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChatMarkupTest {

    private static final String HOSTILE =
            "Fix it <!channel> <https://evil.example|the docs> [click](https://evil.example) *now* & @here";

    @Test
    void slackTextCannotMentionEveryoneOrHideALink() {
        String escaped = ChatMarkup.slack(HOSTILE);
        assertThat(escaped).doesNotContain("<").doesNotContain(">");
        assertThat(escaped).contains("&lt;!channel&gt;").contains("&lt;https://evil.example|the docs&gt;");
        assertThat(escaped).contains("&amp; @here");
    }

    @Test
    void teamsTextHasNoMarkdownLinkEmphasisOrTag() {
        String escaped = ChatMarkup.teams(HOSTILE + "\n# heading");
        assertThat(escaped).contains("\\[click\\]\\(https://evil\\.example\\)");
        assertThat(escaped).contains("\\*now\\*").contains("&lt;\\!channel&gt;").doesNotContain("\n");
        assertThat(escaped).doesNotContainPattern("(?<!\\\\)\\[");
    }
}
