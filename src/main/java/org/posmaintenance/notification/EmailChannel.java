package org.posmaintenance.notification;

import org.posmaintenance.merchant.Merchant;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Notifications by email through Spring Mail ({@code spring.mail.host}, {@code port}, ...). */
@Component
class EmailChannel implements NotificationChannel {

    private final JavaMailSender mail;
    private final NotificationProperties properties;

    EmailChannel(JavaMailSender mail, NotificationProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public String recipient(Merchant merchant) {
        return merchant.email();
    }

    @Override
    public void send(String recipient, String subject, String body, String messageId) {
        MimeMessage message = new MimeMessage(mail.createMimeMessage().getSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(recipient);
            helper.setSubject(subject);
            helper.setText(body);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("Cannot write the email to " + recipient, e);
        }
        mail.send(message);
    }
}
