package org.posmaintenance.ticket;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * Reads and checks the variables of a ticket. Forms validate in the browser only, and the REST API
 * not at all, so every step that takes input checks it again here; a bad value becomes an
 * {@link InvalidTicketInputException} naming the field.
 */
public final class TicketInput {

    private final VariableScope scope;

    private TicketInput(VariableScope scope) {
        this.scope = scope;
    }

    /** Control characters other than tab, line feed and carriage return. */
    public static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    public static TicketInput of(VariableScope scope) {
        return new TicketInput(scope);
    }

    public String requiredText(String field, int maxLength) {
        String value = optionalText(field, maxLength);
        if (value == null) {
            throw new InvalidTicketInputException(field, "required");
        }
        return value;
    }

    public String requiredText(String field, int minLength, int maxLength) {
        String value = requiredText(field, maxLength);
        if (value.length() < minLength) {
            throw new InvalidTicketInputException(field, "tooShort", minLength);
        }
        return value;
    }

    /** The trimmed text, or null when the variable is absent or blank. */
    public String optionalText(String field, int maxLength) {
        Object raw = scope.getVariable(field);
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof String text)) {
            throw new InvalidTicketInputException(field, "notText");
        }
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (CONTROL.matcher(trimmed).find()) {
            // PostgreSQL keeps no NUL in text, and no field has a use for control characters other than line breaks
            throw new InvalidTicketInputException(field, "controlCharacters");
        }
        if (trimmed.length() > maxLength) {
            throw new InvalidTicketInputException(field, "tooLong", maxLength);
        }
        return trimmed;
    }

    public String requiredMatching(String field, Pattern pattern, String format) {
        String value = requiredText(field, 200);
        return checkPattern(field, value, pattern, format);
    }

    public String optionalMatching(String field, Pattern pattern, String format) {
        String value = optionalText(field, 200);
        return value == null ? null : checkPattern(field, value, pattern, format);
    }

    private static String checkPattern(String field, String value, Pattern pattern, String format) {
        if (!pattern.matcher(value).matches()) {
            throw new InvalidTicketInputException(field, "notFormat", value, new StaffTexts.Word("format." + format));
        }
        return value;
    }

    public <E extends Enum<E>> E requiredEnum(String field, Class<E> type) {
        String value = requiredText(field, 64);
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidTicketInputException(field,
                    "notOneOf", value);
        }
    }

    /** A yes/no answer; an unticked checkbox arrives as absent or false. */
    public boolean flag(String field) {
        Object raw = scope.getVariable(field);
        if (raw == null) {
            return false;
        }
        if (raw instanceof Boolean value) {
            return value;
        }
        if (raw instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(text);
        }
        throw new InvalidTicketInputException(field, "notYesNo");
    }

    /**
     * An instant: a Date variable, or ISO-8601 text with or without an offset (a date-time field's
     * value); text without an offset is read as local time of {@code zone}.
     */
    public Instant requiredInstant(String field, ZoneId zone) {
        Object raw = scope.getVariable(field);
        if (raw instanceof Date date) {
            return date.toInstant();
        }
        String text = requiredText(field, 40);
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                // "2026-12-04 10:00", what the forms ask for, or ISO "2026-12-04T10:00"
                return LocalDateTime.parse(text.length() > 10 && text.charAt(10) == ' '
                        ? text.substring(0, 10) + 'T' + text.substring(11) : text).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidTicketInputException(field, "notDateTime", text);
            }
        }
    }

    /** A calendar day: a Date variable's day in {@code UTC}, or ISO-8601 text ({@code 2026-12-10}, what a date field submits). */
    public LocalDate requiredDate(String field) {
        Object raw = scope.getVariable(field);
        if (raw instanceof Date date) {
            return date.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        }
        String text = requiredText(field, 40);
        try {
            return LocalDate.parse(text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new InvalidTicketInputException(field, "notDate", text);
        }
    }

    public int requiredWholeNumber(String field, int min, int max) {
        Object raw = scope.getVariable(field);
        if (raw == null || (raw instanceof String text && text.isBlank())) {
            throw new InvalidTicketInputException(field, "required");
        }
        double value;
        if (raw instanceof Number number) {
            value = number.doubleValue();
        } else {
            try {
                value = Double.parseDouble(raw.toString().strip());
            } catch (NumberFormatException e) {
                throw new InvalidTicketInputException(field, "notNumber", raw);
            }
        }
        if (value != Math.rint(value) || value < min || value > max) {
            throw new InvalidTicketInputException(field, "wholeNumber", min, max);
        }
        return (int) value;
    }

    /**
     * A list of codes: a JSON array (what a taglist field submits), a Java collection, or
     * comma-separated text. Absent means empty.
     */
    public List<String> codes(String field) {
        TypedValue typed = scope.getVariableTyped(field);
        Object raw = typed == null ? null : typed.getValue();
        if (raw == null) {
            return List.of();
        }
        if (typed instanceof JsonValue json) {
            if (!json.getValue().isArray()) {
                throw new InvalidTicketInputException(field, "notList");
            }
            return json.getValue().elements().stream().map(element -> element.stringValue().strip()).toList();
        }
        if (raw instanceof Collection<?> values) {
            return values.stream().map(value -> String.valueOf(value).strip()).toList();
        }
        if (raw instanceof String text) {
            return Pattern.compile(",").splitAsStream(text).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        throw new InvalidTicketInputException(field, "notChoices");
    }
}
