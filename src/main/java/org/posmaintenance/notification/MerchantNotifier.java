package org.posmaintenance.notification;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.posmaintenance.merchant.Merchant;
import org.posmaintenance.merchant.MerchantDirectory;
import org.posmaintenance.ticket.TicketJournal;
import org.posmaintenance.ticket.TicketRegistry;
import org.posmaintenance.ticket.TicketTokens;
import org.springframework.stereotype.Component;

/**
 * Tells the merchant of a ticket something: recorded in the ticket's journal (for the merchant page and the staff)
 * and written to the outbox, both in the merchant's language, with a link that lets the
 * merchant follow the ticket. Both happen in the transaction of the process step. Who the merchant is and
 * which terminal it is about come from the ticket's record, never from process variables.
 */
@Component
public class MerchantNotifier {

    private final MerchantDirectory directory;
    private final NotificationTemplates templates;
    private final NotificationOutbox outbox;
    private final TicketTokens tokens;
    private final TicketJournal journal;
    private final NotificationChannel channel;
    private final NotificationProperties properties;
    private final TicketRegistry registry;

    public MerchantNotifier(MerchantDirectory directory, NotificationTemplates templates, NotificationOutbox outbox,
                            TicketTokens tokens, TicketJournal journal, List<NotificationChannel> channels,
                            NotificationProperties properties, TicketRegistry registry) {
        this.registry = registry;
        this.directory = directory;
        this.templates = templates;
        this.outbox = outbox;
        this.tokens = tokens;
        this.journal = journal;
        this.properties = properties;
        this.channel = NotificationChannel.named(channels, properties.channel(), "pos.notifications.channel");
    }

    /** A notification whose texts need only {@code values}. */
    public void notify(String processInstanceId, TicketJournal.Notification kind, Map<String, String> values) {
        notify(processInstanceId, kind, values, Map.of(), null);
    }

    /**
     * @param values  the placeholders of the texts; {@code ticket}, {@code merchant} and {@code terminal} are added
     * @param planKey for {@link TicketJournal.Notification#RESOLUTION_DELAYED}: which plan text ({@code plan.<key>}), else null
     * @param eta     the new estimated time of repair, or null
     */
    public void notify(String processInstanceId, TicketJournal.Notification kind, Map<String, String> values,
                       String planKey, Instant eta) {
        notify(processInstanceId, kind, values, planKey == null ? Map.of() : Map.of("plan", "plan." + planKey), eta);
    }

    /**
     * @param values     the placeholders of the texts; {@code ticket}, {@code merchant} and {@code terminal} are added
     * @param textValues placeholders filled with another text of the bundle, in the reader's language (placeholder to key)
     * @param eta        the new estimated time of repair, or null
     */
    public void notify(String processInstanceId, TicketJournal.Notification kind, Map<String, String> values,
                       Map<String, String> textValues, Instant eta) {
        TicketRegistry.Ticket ticket = registry.ofProcess(processInstanceId);
        String ticketNumber = ticket.number();
        Merchant merchant = directory.merchant(ticket.merchantId())
                .orElseThrow(() -> new IllegalStateException("No merchant " + ticket.merchantId() + " for ticket " + ticketNumber));
        Map<String, String> all = new HashMap<>(values);
        all.put("ticket", ticketNumber);
        all.put("merchant", merchant.name());
        all.put("terminal", ticket.currentTerminal());

        Locale locale = merchant.locale();
        journal.notifyMerchant(ticketNumber, kind, text(kind + ".body", locale, all, textValues), eta);

        String recipient = channel.recipient(merchant);
        if (recipient == null || recipient.isBlank()) {
            return;
        }
        String token = tokens.issue(ticketNumber);
        String base = properties.linkBaseUrl().replaceAll("/+$", "");
        all.put("link", base + "/merchant/#ticket=" + ticketNumber + "&token=" + token);
        all.put("surveyLink", base + "/merchant/#survey=" + ticketNumber + "&token=" + token);
        StringBuilder body = new StringBuilder()
                .append(text("email.greeting", locale, all, Map.of())).append("\n\n")
                .append(text(kind + ".body", locale, all, textValues)).append("\n\n");
        if (kind == TicketJournal.Notification.SURVEY_SENT) {
            body.append(text("email.survey", locale, all, Map.of())).append('\n');
        }
        body.append(text("email.link", locale, all, Map.of())).append("\n\n")
                .append(text("email.signature", locale, all, Map.of())).append('\n');
        outbox.enqueue(ticketNumber, kind.name(), channel.name(), recipient,
                text(kind + ".subject", locale, all, Map.of()), body.toString());
    }

    private String text(String key, Locale locale, Map<String, String> values, Map<String, String> textValues) {
        if (textValues == null || textValues.isEmpty()) {
            return templates.text(key, locale, values);
        }
        Map<String, String> withTexts = new HashMap<>(values);
        textValues.forEach((placeholder, textKey) -> withTexts.put(placeholder, templates.text(textKey, locale, values)));
        return templates.text(key, locale, withTexts);
    }
}
