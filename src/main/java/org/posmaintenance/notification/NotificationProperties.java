package org.posmaintenance.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pos.notifications}: how notifications to merchants are sent.
 *
 * @param channel       {@code email} (Spring Mail, {@code spring.mail.*}) or {@code log} (written to the log, for a demo without SMTP)
 * @param from          sender address of the emails
 * @param linkBaseUrl   the merchant page's address as merchants reach it, for the links in notifications
 * @param sending       whether this node sends the outbox (off in tests, which send explicitly)
 * @param pollInterval  how often the outbox is checked
 * @param maxAttempts   attempts before a notification is given up and raised as an incident
 * @param firstRetry    wait after the first failure; doubles with each further failure
 */
@ConfigurationProperties("pos.notifications")
public record NotificationProperties(String channel, String from, String linkBaseUrl, boolean sending,
                                     Duration pollInterval, int maxAttempts, Duration firstRetry) {
}
