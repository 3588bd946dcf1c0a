package org.posmaintenance.records;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.posmaintenance.billing.BillRecords;
import org.posmaintenance.feedback.Evaluations;
import org.posmaintenance.identity.StaffApi;
import org.posmaintenance.model.ModelContract;
import org.posmaintenance.repair.LoanerLendings;
import org.posmaintenance.repair.RepairWork;
import org.posmaintenance.ticket.TicketJournal;
import org.posmaintenance.ticket.TicketRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code GET /api/tickets/{number}}: a ticket's whole record as the application keeps it, open or ended, whatever
 * the engine still remembers: the ticket, its repair work, loaner, bill, evaluation, notifications, SLA events and
 * what each person entered at its tasks. For managers, supervisors and administrators (Cockpit login or HTTP Basic).
 */
@RestController
public class TicketRecordController {

    public static final String PATH = "/api/tickets";
    static final List<String> READERS = List.of(ModelContract.MANAGERS, ModelContract.SUPERVISORS, ModelContract.ADMINS);

    private final TicketRegistry registry;
    private final RepairWork work;
    private final LoanerLendings lendings;
    private final BillRecords bills;
    private final Evaluations evaluations;
    private final TicketJournal journal;
    private final TaskEntries entries;
    private final ObjectMapper json;

    TicketRecordController(TicketRegistry registry, RepairWork work, LoanerLendings lendings, BillRecords bills,
                           Evaluations evaluations, TicketJournal journal, TaskEntries entries, ObjectMapper json) {
        this.registry = registry;
        this.work = work;
        this.lendings = lendings;
        this.bills = bills;
        this.evaluations = evaluations;
        this.journal = journal;
        this.entries = entries;
        this.json = json;
    }

    @GetMapping(PATH + "/{ticketNumber}")
    ResponseEntity<?> record(@PathVariable String ticketNumber) {
        String number = ticketNumber.strip().toUpperCase();
        return registry.find(number).<ResponseEntity<?>>map(ticket -> {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("ticket", ticket);
            record.put("repairWork", work.of(number));
            record.put("loaner", lendings.of(number).orElse(null));
            record.put("bill", bills.of(number).orElse(null));
            record.put("evaluation", evaluations.of(number).orElse(null));
            record.put("notifications", journal.notifications(number));
            record.put("slaEvents", journal.slaEvents(number));
            record.put("taskEntries", entries.of(number).stream().map(this::entry).toList());
            return ResponseEntity.ok(record);
        }).orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "not found",
                "message", "There is no ticket " + number)));
    }

    private Map<String, Object> entry(TaskEntries.Entry entry) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("taskKey", entry.taskKey());
        shown.put("taskName", entry.taskName());
        shown.put("enteredBy", entry.enteredBy());
        shown.put("enteredAt", entry.enteredAt());
        try {
            shown.put("fields", json.readTree(entry.fields()));
        } catch (JsonProcessingException e) {
            shown.put("fields", entry.fields());
        }
        return shown;
    }

    @Configuration
    static class Access {
        @Bean
        StaffApi ticketRecordApi() {
            return new StaffApi(PATH, READERS, "the tickets' records");
        }
    }
}
