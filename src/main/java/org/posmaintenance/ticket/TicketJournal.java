package org.posmaintenance.ticket;

import org.posmaintenance.model.ModelContract;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What happened to a ticket that the merchant or a manager must be able to read later: the
 * notifications sent to the merchant and the service-level events. Each is a JSON list variable
 * on the ticket, so Cockpit shows it and it stays in the history.
 */
@Component
public class TicketJournal {

    /** Kinds of message to the merchant. */
    public enum Notification {
        TICKET_RECEIVED, LOANER_LENT, PART_ORDERED, TERMINAL_REPLACED, LOANER_RETURN_REMINDER, RESOLUTION_DELAYED, SURVEY_SENT,
        TICKET_CLOSED, TICKET_CANCELLED
    }

    /** Kinds of service-level event. */
    public enum SlaEvent { RESPONSE_AT_RISK, RESPONSE_BREACHED, RESOLUTION_MISSED, RESOLUTION_EXTENSION_EXCEEDED }

    private static final TypeReference<List<Map<String, Object>>> ENTRIES = new TypeReference<>() { };

    private final ObjectMapper json;

    public TicketJournal(ObjectMapper json) {
        this.json = json;
    }

    /** Records a notification on the ticket; {@code notification.MerchantNotifier} also sends it. */
    public void notifyMerchant(VariableScope ticket, Notification kind, String message, Instant eta) {
        Map<String, Object> entry = entry(kind.name(), message);
        if (eta != null) {
            entry.put("eta", eta.toString());
        }
        append(ticket, ModelContract.NOTIFICATIONS, entry);
    }

    public void recordSlaEvent(VariableScope ticket, SlaEvent kind, String message) {
        append(ticket, ModelContract.SLA_EVENTS, entry(kind.name(), message));
    }

    public List<Map<String, Object>> notifications(VariableScope ticket) {
        return read(ticket, ModelContract.NOTIFICATIONS);
    }

    public List<Map<String, Object>> slaEvents(VariableScope ticket) {
        return read(ticket, ModelContract.SLA_EVENTS);
    }

    /** Writes a value as a JSON variable. */
    public JsonValue toJson(Object value) {
        try {
            return SpinValues.jsonValue(json.writeValueAsString(value)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value + " as JSON", e);
        }
    }

    private static Map<String, Object> entry(String kind, String message) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("at", ClockUtil.getCurrentTime().toInstant().toString());
        entry.put("kind", kind);
        entry.put("message", message);
        return entry;
    }

    private void append(VariableScope ticket, String variable, Map<String, Object> entry) {
        List<Map<String, Object>> entries = new ArrayList<>(read(ticket, variable));
        entries.add(entry);
        ticket.setVariable(variable, toJson(entries));
    }

    private List<Map<String, Object>> read(VariableScope ticket, String variable) {
        JsonValue value = ticket.getVariableTyped(variable);
        if (value == null || value.getValueSerialized() == null) {
            return List.of();
        }
        try {
            return json.readValue(value.getValueSerialized(), ENTRIES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Variable " + variable + " is not a JSON list", e);
        }
    }
}
