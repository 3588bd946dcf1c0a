package org.posmaintenance.ticket;

/**
 * Text from outside (a form, a request) as it may appear in a message that is logged or answered: one line, line
 * breaks and other control characters shown as {@code \n}, {@code \r}, {@code \u0007}, at most
 * {@value #MAX_LENGTH} characters. So a value with a line break cannot forge a log line, nor a long one flood it.
 */
public final class SafeText {

    static final int MAX_LENGTH = 300;

    private SafeText() {
    }

    public static String of(Object text) {
        String value = String.valueOf(text);
        StringBuilder safe = new StringBuilder(Math.min(value.length(), MAX_LENGTH) + 16);
        for (int i = 0; i < value.length() && safe.length() < MAX_LENGTH; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> safe.append("\\n");
                case '\r' -> safe.append("\\r");
                case '\t' -> safe.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        safe.append(String.format("\\u%04x", (int) c));
                    } else {
                        safe.append(c);
                    }
                }
            }
        }
        if (safe.length() >= MAX_LENGTH && value.length() > MAX_LENGTH) {
            safe.setLength(MAX_LENGTH);
            safe.append("...");
        }
        return safe.toString();
    }
}
