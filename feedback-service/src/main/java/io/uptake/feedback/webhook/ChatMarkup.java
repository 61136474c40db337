package io.uptake.feedback.webhook;

/**
 * Employees' text (titles, names) made inert for chat markup, so that a title cannot mention
 * {@code <!channel>}, hide a link behind other words or format the message.
 */
public final class ChatMarkup {

    private ChatMarkup() {}

    /** Slack mrkdwn: {@code & < >} are its control characters, escaped as entities as Slack asks. */
    public static String slack(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Teams Adaptive Card text (a Markdown subset): every Markdown punctuation mark is escaped with a
     * backslash, and angle brackets become entities, so no link, emphasis, list or mention is made.
     */
    public static String teams(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#', '+', '-', '.', '!', '|', '~' ->
                    escaped.append('\\').append(c);
                case '\r', '\n' -> escaped.append(' ');
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
