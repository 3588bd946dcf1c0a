package org.posmaintenance.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.posmaintenance.model.ModelContract.*;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.posmaintenance.ProcessScenarioTest;
import org.posmaintenance.merchant.MerchantTickets;
import org.posmaintenance.testing.Mailbox;
import org.springframework.beans.factory.annotation.Autowired;


import jakarta.mail.internet.MimeMessage;

/** Notifications reach the merchant by email through a real SMTP server (GreenMail), once each. */
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class MerchantNotificationsTest extends ProcessScenarioTest {

    /** The SMTP server of the whole test run, emptied before each test. */
    private final com.icegreen.greenmail.util.GreenMail smtp = Mailbox.server();

    @Autowired OutboxSender sender;
    @Autowired MerchantTickets merchantTickets;
    @Autowired NotificationProperties properties;

    @BeforeEach
    void sendWhatEarlierTestsLeftInTheOutbox() {
        jdbc.update("UPDATE notification_outbox SET sent_at = CURRENT_TIMESTAMP WHERE sent_at IS NULL");
        Mailbox.clear();
    }

    @Test
    void theReceiptReachesTheMerchantInChineseWithAWorkingLinkAndIsSentOnlyOnce() throws Exception {
        ProcessInstance ticket = startTicket(report());
        String ticketNumber = ticket.getBusinessKey();

        assertThat(smtp.getReceivedMessages()).as("nothing is sent inside the process step").isEmpty();
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(sender.sendDue()).as("never twice").isZero();

        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("lotus.teahouse@example.org");
        assertThat(mail.getSubject()).isEqualTo("工单 " + ticketNumber + "：我们已收到您的故障申报");
        assertThat(mail.getMessageID()).startsWith("<notification-").contains(ticketNumber);
        String body = (String) mail.getContent();
        assertThat(body).contains("Lotus Tea House，您好").contains("工单号为 " + ticketNumber);
        Matcher link = Pattern.compile("/merchant/#ticket=" + ticketNumber + "&token=([A-Za-z0-9_-]+)").matcher(body);
        assertThat(link.find()).as("a link to the ticket in " + body).isTrue();
        assertThat(body).contains("https://service.example.org/merchant/#ticket=");
        assertThat(merchantTickets.status(ticketNumber, new MerchantTickets.Access(link.group(1), null))).as("the link's token opens the ticket").isPresent();
        assertThat(body).contains("24 小时内响应");

        // once sent, the outbox keeps the text without the token: only its hash is kept anywhere
        String kept = jdbc.queryForObject("SELECT body FROM notification_outbox WHERE ticket_number = ?", String.class, ticketNumber);
        assertThat(kept).contains("#ticket=" + ticketNumber + "&token=[removed]").doesNotContain(link.group(1));
    }

    @Test
    void theDemoLogShowsNeitherTheTokenNorTheWholeAddress(org.springframework.boot.test.system.CapturedOutput output) {
        new LogChannel().send("lotus.teahouse@example.org", "Ticket SR-20261125-0001: we received your fault report",
                "Follow your ticket here: https://service.example.org/merchant/#ticket=SR-20261125-0001&token=q1VbSecretToken_42\nBye",
                "<notification-1@pos>");
        assertThat(output.getOut()).contains("l***@example.org").contains("&token=[removed]")
                .doesNotContain("q1VbSecretToken_42").doesNotContain("lotus.teahouse@");
        assertThat(output.getOut().lines().filter(line -> line.contains("notification-1@pos"))).hasSize(1);
    }

    @Test
    void theDemosTextMessagesShowTheCodeButNotTheWholePhoneNumber(org.springframework.boot.test.system.CapturedOutput output) {
        new SmsLogChannel().send("+86 21 5555 0101", "Your verification code: 482913",
                "482913 is your code to prove that you are merchant M-100231.", "<code-1@verification.pos-maintenance>");
        assertThat(output.getOut().lines().filter(line -> line.contains("code-1@verification"))).singleElement()
                .satisfies(line -> assertThat(line).contains("SMS <code-1@verification.pos-maintenance> to +86*********0101: 482913 is")
                        .doesNotContain("5555"));
    }

    @Test
    void anEnglishSpeakingMerchantGetsEnglishAndTheSurveyLink() throws Exception {
        Map<String, Object> report = report(newTerminal("M-100232", "3.4.0", "2027-06-30", "PURCHASE"));
        report.put(MERCHANT_ID, "M-100232");
        ProcessInstance ticket = ticketRepairedRemotely(report);
        executeJobAt(ticket, "Task_SendSurvey");
        sender.sendDue();

        assertThat(smtp.getReceivedMessages()).extracting(MimeMessage::getSubject).containsExactly(
                "Ticket " + ticket.getBusinessKey() + ": we received your fault report",
                "Ticket " + ticket.getBusinessKey() + ": how did we do?");
        String survey = (String) smtp.getReceivedMessages()[1].getContent();
        assertThat(survey).startsWith("Dear Harbour Noodle Bar,")
                .contains("Rate our service here: " + properties.linkBaseUrl() + "/merchant/#survey=" + ticket.getBusinessKey() + "&token=");
    }

    @Test
    void aFailedSendIsRetriedLaterAndAfterTheLastAttemptBecomesAnIncident() {
        ProcessInstance ticket = startTicket(report());
        smtp.stop();
        assertThat(sender.sendDue()).isZero();
        assertThat(jdbc.queryForMap("SELECT attempts, last_error FROM notification_outbox WHERE ticket_number = ?",
                ticket.getBusinessKey())).containsEntry("ATTEMPTS", 1);
        assertThat(sender.sendDue()).as("not before the back-off").isZero();

        smtp.start();
        setClock(WEDNESDAY_10_00.plus(properties.firstRetry()));
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(1);

        ProcessInstance second = startTicket(report());
        jdbc.update("UPDATE notification_outbox SET attempts = ? WHERE ticket_number = ?",
                properties.maxAttempts() - 1, second.getBusinessKey());
        smtp.stop();
        sender.sendDue();
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(second.getId()).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo(OutboxSender.INCIDENT_TYPE);
        assertThat(incident.getIncidentMessage()).contains("TICKET_RECEIVED").contains("lotus.teahouse@example.org");
        setClock(WEDNESDAY_10_00.plus(Duration.ofDays(30)));
        smtp.start();
        assertThat(sender.sendDue()).as("given up").isZero();
    }

    @Test
    void aMerchantWhoseLoanerIsStillOutIsReminded() {
        ProcessInstance ticket = ticketAwaitingDiagnosis(report(newTerminal(MERCHANT, "3.4.0", "2027-06-30", "RENTAL")));
        confirmDiagnosis(ticket, "NORMAL", "MAIL_IN", false);
        complete(ticket, "Task_ReceiveTerminal", Map.of(LOANER_SERIAL, "LOAN-A920-011"));
        complete(ticket, "Task_RepairAtCentre", Map.of(REPAIR_REPORT, "Cleaned the card slot."));
        complete(ticket, "Task_ReturnTerminal", Map.of(RETURN_SHIPPING_REFERENCE, "SF0987654321"));
        executeJobAt(ticket, "Task_BillParts");

        var reminder = timerAt(ticket, "BoundaryEvent_LoanerReturnReminder");
        assertThat(reminder.getDuedate()).isEqualTo(java.util.Date.from(WEDNESDAY_10_00.plus(Duration.ofDays(2))));
        setClock(WEDNESDAY_10_00.plus(Duration.ofDays(2)));
        executeJobAt(ticket, "BoundaryEvent_LoanerReturnReminder");

        assertThat(notificationKinds(ticket)).containsExactly("TICKET_RECEIVED", "LOANER_LENT", "TERMINAL_RETURNED", "SURVEY_SENT",
                "LOANER_RETURN_REMINDER");
        assertThat(journal.notifications(ticket.getBusinessKey()).get(2).message()).as("the return, with the loaner to send back")
                .contains("SF0987654321").contains("LOAN-A920-011").contains("正在寄回");
        assertThat(timerAt(ticket, "BoundaryEvent_LoanerReturnReminder").getDuedate()).as("the next reminder")
                .isEqualTo(java.util.Date.from(WEDNESDAY_10_00.plus(Duration.ofDays(4))));
        sender.sendDue();
        assertThat(smtp.getReceivedMessages()).extracting(MimeMessage::getSubject)
                .contains("工单 " + ticket.getBusinessKey() + "：请归还备用机", "工单 " + ticket.getBusinessKey() + "：修好的终端已寄出");
    }
}
