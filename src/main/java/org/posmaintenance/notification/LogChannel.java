package org.posmaintenance.notification;

import org.posmaintenance.merchant.Merchant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Writes notifications to the application log instead of sending them: for a demo without a mail server. */
@Component
class LogChannel implements NotificationChannel {

    private static final Logger LOG = LoggerFactory.getLogger(LogChannel.class);

    @Override
    public String name() {
        return "log";
    }

    @Override
    public String recipient(Merchant merchant) {
        return merchant.email() != null ? merchant.email() : merchant.id();
    }

    @Override
    public void send(String recipient, String subject, String body, String messageId) {
        // no token or full address in the log: the merchant gets the link with the message, the page shows it after a report
        LOG.info("Notification {} to {}: {} | {}", messageId, Masking.recipient(recipient), subject,
                Masking.withoutTokens(body).replace("\r", " ").replace("\n", " | "));
    }
}
