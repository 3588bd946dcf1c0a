package org.posmaintenance.ticket;

import java.util.Locale;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A value a person or a client entered is missing or invalid. The engine rolls the step back, so nothing of the
 * rejected input is kept. The REST APIs answer HTTP 400 with {@link #message(Locale)}: the field as people know it
 * and the reason, in the reader's language (Tasklist shows it under the form); {@link #getMessage()} names the field
 * by its id, in English, for the log.
 */
public class InvalidTicketInputException extends BadUserRequestException {

    private final String field;
    private final String reason;
    private final Object[] args;

    /**
     * @param reason the refusal's text in {@code staff/texts*.properties} without its {@code refusal.} prefix
     * @param args   its arguments; a {@link StaffTexts.Word} is a text of the catalogue in the same language
     */
    public InvalidTicketInputException(String field, String reason, Object... args) {
        super("Field '" + SafeText.of(field) + "': " + SafeText.of(StaffTexts.text(Locale.ENGLISH, "refusal." + reason, args)));
        this.field = field;
        this.reason = reason;
        this.args = args.clone();
    }

    public String field() {
        return field;
    }

    /** The reason alone, in the reader's language ("必须在服务时间内..."), for a page that shows it next to the field. */
    public String detail(Locale locale) {
        return SafeText.of(StaffTexts.text(locale, "refusal." + reason, args));
    }

    /** "预约上门时间：必须在服务时间内（工作日 08:00–18:00，Asia/Shanghai）": the field in words and the reason. */
    public String message(Locale locale) {
        return StaffTexts.field(locale, field) + StaffTexts.text(locale, "refusal.separator") + detail(locale);
    }
}
