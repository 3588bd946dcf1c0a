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
        LOG.info("Notification {} to {}: {}\n{}", messageId, recipient, subject, body);
    }
}
