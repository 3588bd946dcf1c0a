package org.posmaintenance.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The SMTP server the tests' application sends to: one GreenMail for the whole test run, started on first use on a
 * port free at that moment (kept across a test's stop and start, so that test runs side by side on one machine do not
 * share a mailbox); {@code ProcessScenarioTest} gives the application that port. Merchants' one-time codes and
 * notifications arrive here.
 */
public final class Mailbox {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static GreenMail server;

    private Mailbox() {
    }

    /** The running server. */
    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(ServerSetupTest.SMTP.port(freePort()));
            server.start();
        }
        return server;
    }

    /** The port the server listens on. */
    public static int port() {
        return server().getSmtp().getPort();
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("No free port for the test mail server", e);
        }
    }

    /** Forgets every message received so far. */
    public static void clear() {
        try {
            server().purgeEmailFromAllMailboxes();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The messages received so far. */
    public static MimeMessage[] received() {
        return server().getReceivedMessages();
    }

    /** The one-time code of verification {@code verificationId}, waiting for its mail (it is sent after the answer). */
    public static String codeOf(String verificationId) {
        server();
        String messageId = "<" + verificationId + "@verification.pos-maintenance>";
        MimeMessage mail = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                .until(() -> find(messageId), Optional::isPresent).orElseThrow();
        try {
            Matcher code = CODE.matcher(mail.getSubject());
            if (!code.find()) {
                throw new AssertionError("No code in the subject " + mail.getSubject());
            }
            return code.group(1);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The recipient of the code mail of {@code verificationId}. */
    public static String recipientOf(String verificationId) throws MessagingException {
        codeOf(verificationId);
        return find("<" + verificationId + "@verification.pos-maintenance>").orElseThrow().getAllRecipients()[0].toString();
    }

    private static Optional<MimeMessage> find(String messageId) {
        return Arrays.stream(server.getReceivedMessages()).filter(message -> {
            try {
                return messageId.equals(message.getMessageID());
            } catch (MessagingException e) {
                return false;
            }
        }).findFirst();
    }
}
