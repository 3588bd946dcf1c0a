package org.posmaintenance.sla.calendar;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.posmaintenance.ticket.TicketRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The calendar's tables: the official notice of each year, its days, and the record of every change. */
@Component
public class CalendarStore {

    /** How a day differs from the regular week. */
    public enum Kind {
        /** A regular working day that is off. */
        HOLIDAY,
        /** A regular day off that is worked (make-up workday). */
        WORKDAY
    }

    /** One day of a notice. */
    public record Day(LocalDate date, Kind kind, String name) {
    }

    /** A year's official notice: what it is, who entered it and when, and its days in date order. */
    public record Notice(int year, String notice, String enteredBy, Instant enteredAt, List<Day> days) {
    }

    /** A change: when, by whom, which year, what. */
    public record Change(Instant at, String by, int year, String action, String detail) {
    }

    private final JdbcTemplate jdbc;

    public CalendarStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every year with an official notice, by year. */
    public Map<Integer, Notice> notices() {
        Map<Integer, List<Day>> days = new LinkedHashMap<>();
        jdbc.query("SELECT calendar_date, calendar_year, kind, name FROM service_calendar_day ORDER BY calendar_date", row -> {
            days.computeIfAbsent(row.getInt("calendar_year"), year -> new ArrayList<>())
                    .add(new Day(row.getDate("calendar_date").toLocalDate(), Kind.valueOf(row.getString("kind")), row.getString("name")));
        });
        Map<Integer, Notice> notices = new LinkedHashMap<>();
        jdbc.query("SELECT calendar_year, notice, entered_by, entered_at FROM service_calendar_year ORDER BY calendar_year", row -> {
            int year = row.getInt("calendar_year");
            notices.put(year, new Notice(year, row.getString("notice"), row.getString("entered_by"),
                    TicketRegistry.instant(row, "entered_at"), List.copyOf(days.getOrDefault(year, List.of()))));
        });
        return notices;
    }

    public Optional<Notice> notice(int year) {
        return Optional.ofNullable(notices().get(year));
    }

    /** Replaces the year's notice and days. */
    public void replaceNotice(int year, String notice, List<Day> days, String by, Instant at) {
        jdbc.update("DELETE FROM service_calendar_day WHERE calendar_year = ?", year);
        if (jdbc.update("UPDATE service_calendar_year SET notice = ?, entered_by = ?, entered_at = ? WHERE calendar_year = ?",
                notice, by, Timestamp.from(at), year) == 0) {
            jdbc.update("INSERT INTO service_calendar_year (calendar_year, notice, entered_by, entered_at) VALUES (?, ?, ?, ?)",
                    year, notice, by, Timestamp.from(at));
        }
        for (Day day : days) {
            insertDay(year, day);
        }
    }

    /** Sets one day of a year that has a notice. */
    public void putDay(int year, Day day) {
        jdbc.update("DELETE FROM service_calendar_day WHERE calendar_date = ?", Date.valueOf(day.date()));
        insertDay(year, day);
    }

    /** Makes a day regular again; whether it was set. */
    public boolean removeDay(LocalDate date) {
        return jdbc.update("DELETE FROM service_calendar_day WHERE calendar_date = ?", Date.valueOf(date)) > 0;
    }

    public void recordChange(Instant at, String by, int year, String action, String detail) {
        jdbc.update("INSERT INTO service_calendar_change (changed_at, changed_by, calendar_year, action, detail) VALUES (?, ?, ?, ?, ?)",
                Timestamp.from(at), by, year, action, TicketRegistry.clip(detail, 4000));
    }

    /** The changes, newest first; of one year, or of all when {@code year} is null. */
    public List<Change> changes(Integer year) {
        String where = year == null ? "" : " WHERE calendar_year = " + year.intValue();
        return jdbc.query("SELECT changed_at, changed_by, calendar_year, action, detail FROM service_calendar_change" + where
                        + " ORDER BY id DESC", (row, index) -> new Change(TicketRegistry.instant(row, "changed_at"),
                row.getString("changed_by"), row.getInt("calendar_year"), row.getString("action"), row.getString("detail")));
    }

    private void insertDay(int year, Day day) {
        jdbc.update("INSERT INTO service_calendar_day (calendar_date, calendar_year, kind, name) VALUES (?, ?, ?, ?)",
                Date.valueOf(day.date()), year, day.kind().name(), day.name());
    }
}
