package org.posmaintenance.notification;

/** A way to reach a merchant (email; an SMS gateway would be another implementation). */
public interface NotificationChannel {

    /** The name used in {@code pos.notifications.channel} and in the outbox. */
    String name();

    /** The merchant's address on this channel, or null when the merchant has none. */
    String recipient(org.posmaintenance.merchant.Merchant merchant);

    /**
     * Sends one message. {@code messageId} is the same for every attempt of one notification, so that a
     * receiving system can drop a duplicate; a failure is thrown.
     */
    void send(String recipient, String subject, String body, String messageId);

    /** The channel of this name among the application's channels; a setting naming none stops the start. */
    static NotificationChannel named(java.util.List<NotificationChannel> channels, String name, String setting) {
        return channels.stream().filter(candidate -> candidate.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException(setting + " '" + name + "' is none of "
                        + channels.stream().map(NotificationChannel::name).toList()));
    }
}
