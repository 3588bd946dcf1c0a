package org.posmaintenance.notification;

import java.util.regex.Pattern;

/**
 * What of a notification may stand in a log or stay in the outbox once sent: the ticket links without their access
 * token, the recipient's address or phone number masked.
 */
final class Masking {

    /** The token of a ticket link ({@code #ticket=SR-...&token=...}, also {@code #survey=}). */
    private static final Pattern TOKEN = Pattern.compile("(&token=)[A-Za-z0-9_-]+");

    static final String REMOVED = "[removed]";

    private Masking() {
    }

    /** The text with every link's token replaced by {@value #REMOVED}. */
    static String withoutTokens(String text) {
        return text == null ? null : TOKEN.matcher(text).replaceAll("$1" + REMOVED);
    }

    /** An e-mail address or phone number with only a few characters left: l***@example.org, +86*******0101. */
    static String recipient(String recipient) {
        if (recipient == null || recipient.isEmpty()) {
            return recipient;
        }
        int at = recipient.indexOf('@');
        if (at > 0) {
            return recipient.charAt(0) + "***" + recipient.substring(at);
        }
        int keep = Math.min(4, recipient.length() / 3);
        return recipient.substring(0, Math.min(3, recipient.length() - keep)) + "*".repeat(Math.max(0,
                recipient.length() - keep - 3)) + recipient.substring(recipient.length() - keep);
    }
}
