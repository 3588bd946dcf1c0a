package org.posmaintenance.sla.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The holiday calendar for managers and administrators (the security layer ({@code StaffSecurity}) checks every request first):
 * a year as it counts, the coverage of the official notices, the record of changes; entering a year's notice as
 * JSON or importing it as CSV; changing or clearing one day. Documented in the README.
 */
@RestController
@RequestMapping(CalendarController.PATH)
class CalendarController {

    static final String PATH = "/api/service-calendar";

    private final CalendarNotices notices;
    private final CalendarStore store;
    private final CalendarProperties properties;

    CalendarController(CalendarNotices notices, CalendarStore store, CalendarProperties properties) {
        this.notices = notices;
        this.store = store;
        this.properties = properties;
    }

    /** The coverage of the official notices: until when, whether managers are being warned. */
    @GetMapping
    Map<String, Object> coverage() {
        CalendarNotices.Coverage coverage = notices.coverage(properties);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("state", coverage.state());
        view.put("officialUntil", coverage.officialUntil() == null ? null : coverage.officialUntil().toString());
        view.put("warnFrom", coverage.warnFrom() == null ? null : coverage.warnFrom().toString());
        view.put("yearNeeded", coverage.yearNeeded());
        view.put("officialYears", store.notices().keySet());
        return view;
    }

    @GetMapping("/{year}")
    Map<String, Object> year(@PathVariable int year) {
        return notices.year(year);
    }

    /** Enters a year's official notice: JSON {@code {notice, days: [{date, kind, name}]}}. */
    @PutMapping(path = "/{year}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> enter(@PathVariable int year, @RequestBody NoticeRequest request, HttpServletRequest http) {
        List<CalendarStore.Day> days = new ArrayList<>();
        if (request.days() != null) {
            for (int i = 0; i < request.days().size(); i++) {
                DayRequest day = request.days().get(i);
                days.add(day == null ? null : new CalendarStore.Day(date("days[" + i + "].date", day.date()),
                        kind("days[" + i + "].kind", day.kind()), day.name()));
            }
        }
        return done(year, notices.enterNotice(year, request.notice(), request.days() == null ? null : days, user(http)));
    }

    /**
     * Imports a year's official notice as CSV: one day a line, {@code date,kind,name} (a header line and lines
     * starting with # are skipped); the notice's name in the parameter {@code notice}.
     */
    @PutMapping(path = "/{year}", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    Map<String, Object> importCsv(@PathVariable int year, @RequestParam String notice, @RequestBody String csv,
                                  HttpServletRequest http) throws IOException {
        return done(year, notices.enterNotice(year, notice, parse(csv), user(http)));
    }

    /** Sets one day: JSON {@code {kind, name, reason}}. */
    @PutMapping(path = "/days/{date}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> setDay(@PathVariable String date, @RequestBody DayChange change, HttpServletRequest http) {
        LocalDate day = date("date", date);
        return done(day.getYear(), notices.setDay(new CalendarStore.Day(day, kind("kind", change.kind()), change.name()),
                change.reason(), user(http)));
    }

    /** Makes a day regular again; the reason as the parameter {@code reason}. */
    @DeleteMapping("/days/{date}")
    Map<String, Object> clearDay(@PathVariable String date, @RequestParam(required = false) String reason, HttpServletRequest http) {
        LocalDate day = date("date", date);
        return done(day.getYear(), notices.clearDay(day, reason, user(http)));
    }

    /** The record of changes, newest first (of one year with {@code year}). */
    @GetMapping("/changes")
    List<Map<String, Object>> changes(@RequestParam(required = false) Integer year) {
        return store.changes(year).stream().map(change -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("at", change.at().toString());
            view.put("by", change.by());
            view.put("year", change.year());
            view.put("action", change.action());
            view.put("detail", change.detail());
            return view;
        }).toList();
    }

    record NoticeRequest(String notice, List<DayRequest> days) {
    }

    record DayRequest(String date, String kind, String name) {
    }

    record DayChange(String kind, String name, String reason) {
    }

    @ExceptionHandler(CalendarNotices.InvalidCalendarException.class)
    ResponseEntity<Map<String, Object>> invalid(CalendarNotices.InvalidCalendarException error) {
        return ResponseEntity.badRequest().body(Map.of("error", "invalid", "field", error.field(), "message", error.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException error) {
        return ResponseEntity.badRequest().body(Map.of("error", "invalid", "field", "body",
                "message", "must be JSON {notice, days: [{date, kind, name}]} (or CSV date,kind,name with Content-Type text/csv)"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException error) {
        return ResponseEntity.badRequest().body(Map.of("error", "invalid", "field", error.getName(),
                "message", "'" + error.getValue() + "' is not a valid " + error.getName()));
    }

    private Map<String, Object> done(int year, CalendarNotices.Recalculation recalculation) {
        Map<String, Object> view = new LinkedHashMap<>(notices.year(year));
        Map<String, Object> moved = new LinkedHashMap<>();
        moved.put("ticketsChecked", recalculation.ticketsChecked());
        moved.put("ticketsMoved", recalculation.ticketsMoved());
        moved.put("deadlinesMoved", recalculation.deadlinesMoved());
        moved.put("ticketsFailed", recalculation.ticketsFailed());
        view.put("recalculation", moved);
        return view;
    }

    static List<CalendarStore.Day> parse(String csv) throws IOException {
        List<CalendarStore.Day> days = new ArrayList<>();
        String text = csv == null ? "" : csv;
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);   // the byte order mark spreadsheet programs write
        }
        BufferedReader lines = new BufferedReader(new StringReader(text));
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            String cellsText = line.strip();
            if (cellsText.isEmpty() || cellsText.startsWith("#")
                    || (number == 1 && cellsText.toLowerCase(Locale.ROOT).startsWith("date"))) {
                continue;
            }
            String[] cells = cellsText.split(",", 3);
            String field = "line " + number;
            if (cells.length < 3) {
                throw new CalendarNotices.InvalidCalendarException(field, "must be date,kind,name: '" + cellsText + "'");
            }
            days.add(new CalendarStore.Day(date(field + ".date", cells[0].strip()), kind(field + ".kind", cells[1].strip()),
                    unquote(cells[2].strip())));
        }
        return days;
    }

    private static String unquote(String text) {
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1).replace("\"\"", "\"") : text;
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new CalendarNotices.InvalidCalendarException(field, "is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new CalendarNotices.InvalidCalendarException(field, "'" + text + "' is not a date YYYY-MM-DD");
        }
    }

    private static CalendarStore.Kind kind(String field, String text) {
        try {
            return CalendarStore.Kind.valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CalendarNotices.InvalidCalendarException(field, "must be HOLIDAY or WORKDAY, not '" + text + "'");
        }
    }

    /** The staff user the security layer authenticated for this request. */
    private static String user(HttpServletRequest http) {
        java.security.Principal user = http.getUserPrincipal();
        if (user == null) {
            throw new IllegalStateException("The calendar is changed only by an authenticated user (StaffSecurity)");
        }
        return user.getName();
    }
}
