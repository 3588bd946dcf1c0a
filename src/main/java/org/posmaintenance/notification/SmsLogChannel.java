package org.posmaintenance.notification;

import org.posmaintenance.merchant.Merchant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Text messages to the merchant's registered phone, written to the application log instead of an SMS gateway: the
 * demo's way of sending merchants their one-time codes ({@code pos.merchant.verification.channel: sms-log}). A
 * gateway of the bank's SMS provider is another {@link NotificationChannel} with the merchant's phone as recipient.
 */
@Component
class SmsLogChannel implements NotificationChannel {

    private static final Logger LOG = LoggerFactory.getLogger(SmsLogChannel.class);

    @Override
    public String name() {
        return "sms-log";
    }

    @Override
    public String recipient(Merchant merchant) {
        return merchant.phone();
    }

    @Override
    public void send(String recipient, String subject, String body, String messageId) {
        // a text message has no subject: the body is the message
        LOG.info("SMS {} to {}: {}", messageId, Masking.recipient(recipient),
                Masking.withoutTokens(body).replace("\r", " ").replace("\n", " "));
    }
}
