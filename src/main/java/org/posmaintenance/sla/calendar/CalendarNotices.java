package org.posmaintenance.sla.calendar;

import static org.posmaintenance.model.ModelContract.TASK_ENTER_HOLIDAY_NOTICE;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.posmaintenance.sla.ServiceHoursCalendar;
import org.posmaintenance.sla.SlaDeadlines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What managers do with the calendar: enter (or import) a year's official notice, change or clear one day. Each
 * change is recorded (who, when, what), and in the same transaction the deadlines of the running tickets it
 * affects are computed again and moved (those already passed stay). The managers' reminder task completes once
 * the notice it asks for is in.
 */
@Service
public class CalendarNotices {

    private static final Logger LOG = LoggerFactory.getLogger(CalendarNotices.class);

    /** The years a notice may be entered for. */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2200;

    /** A refused change: which field, and why. */
    public static class InvalidCalendarException extends RuntimeException {
        private final String field;

        public InvalidCalendarException(String field, String message) {
            super(org.posmaintenance.ticket.SafeText.of(message));
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** What a change did to the running tickets; {@code ticketsFailed} could not be computed again (see the log). */
    public record Recalculation(int ticketsChecked, int ticketsMoved, int deadlinesMoved, int ticketsFailed) {
    }

    private final CalendarStore store;
    private final CalendarDays days;
    private final ServiceHoursCalendar calendar;
    private final SlaDeadlines deadlines;
    private final TaskService tasks;
    private final Clock clock;
    private final TransactionTemplate transaction;

    public CalendarNotices(CalendarStore store, CalendarDays days, ServiceHoursCalendar calendar, SlaDeadlines deadlines,
                           TaskService tasks, Clock clock, PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.store = store;
        this.days = days;
        this.calendar = calendar;
        this.deadlines = deadlines;
        this.tasks = tasks;
        this.clock = clock;
    }

    /**
     * Enters (or replaces) a year's official notice, in one transaction; then each running ticket it affects is
     * computed again in its own (a ticket being worked at that moment is tried again; one that still fails keeps
     * its deadlines and is counted and logged, the notice stays entered).
     */
    public Recalculation enterNotice(int year, String notice, List<CalendarStore.Day> entered, String by) {
        checkYear(year);
        String text = notice == null ? "" : notice.strip();
        if (text.length() < 3 || text.length() > 200 || org.posmaintenance.ticket.TicketInput.CONTROL.matcher(text).find()) {
            throw new InvalidCalendarException("notice", "must name the notice (3 to 200 characters), e.g. its number and date");
        }
        if (entered == null) {
            throw new InvalidCalendarException("days", "is required: the holidays and make-up workdays of the notice");
        }
        List<CalendarStore.Day> checked = check(year, entered);
        if (checked.stream().noneMatch(day -> day.kind() == CalendarStore.Kind.HOLIDAY)) {
            throw new InvalidCalendarException("days", "a notice has holidays; none were given");
        }
        Set<LocalDate> changed = new HashSet<>();
        // the days of the provisional calendar the notice replaces count as changed too
        days.year(year).holidays().forEach(changed::add);
        transaction.executeWithoutResult(status -> {
            Optional<CalendarStore.Notice> before = store.notice(year);
            before.ifPresent(old -> old.days().forEach(day -> changed.add(day.date())));
            checked.forEach(day -> changed.add(day.date()));
            Instant now = clock.instant();
            store.replaceNotice(year, text, checked, by, now);
            long holidays = checked.stream().filter(day -> day.kind() == CalendarStore.Kind.HOLIDAY).count();
            store.recordChange(now, by, year, before.isPresent() ? "NOTICE_REPLACED" : "NOTICE_ENTERED",
                    text + ": " + holidays + " holidays, " + (checked.size() - holidays) + " make-up workdays ("
                            + checked.stream().map(day -> day.date() + " " + day.kind()).collect(Collectors.joining(", ")) + ")");
        });
        days.changed();
        Recalculation recalculation = recalculate(changed, "the official holiday notice for " + year + " was entered");
        transaction.executeWithoutResult(status -> completeReminders(by));
        LOG.info("Holiday notice for {} entered by {}: {} days; {} of {} running tickets had deadlines moved", year, by,
                checked.size(), recalculation.ticketsMoved(), recalculation.ticketsChecked());
        return recalculation;
    }

    /** Sets one day of a year with a notice (a correction, or a local day off); tickets as for a notice. */
    public Recalculation setDay(CalendarStore.Day day, String reason, String by) {
        CalendarStore.Day checked = check(day.date().getYear(), List.of(day)).get(0);
        int year = checked.date().getYear();
        requireNotice(year);
        String why = requireReason(reason);
        transaction.executeWithoutResult(status -> {
            store.putDay(year, checked);
            store.recordChange(clock.instant(), by, year, "DAY_SET", checked.date() + " " + checked.kind() + " '" + checked.name()
                    + "': " + why);
        });
        days.changed();
        return recalculate(Set.of(checked.date()), checked.date() + " became a " + (checked.kind() == CalendarStore.Kind.HOLIDAY
                ? "holiday" : "workday") + " (" + why + ")");
    }

    /** Makes a day of a year with a notice regular again; tickets as for a notice. */
    public Recalculation clearDay(LocalDate date, String reason, String by) {
        int year = date.getYear();
        checkYear(year);
        requireNotice(year);
        String why = requireReason(reason);
        transaction.executeWithoutResult(status -> {
            if (!store.removeDay(date)) {
                throw new InvalidCalendarException("date", date + " is not a holiday or make-up workday of the " + year + " notice");
            }
            store.recordChange(clock.instant(), by, year, "DAY_CLEARED", date + ": " + why);
        });
        days.changed();
        return recalculate(Set.of(date), date + " is a regular day again (" + why + ")");
    }

    /** The calendar of a year as it counts: notice or provisional, with the days and their names. */
    public Map<String, Object> year(int year) {
        checkYear(year);
        Optional<CalendarStore.Notice> notice = store.notice(year);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("year", year);
        view.put("official", notice.isPresent());
        view.put("notice", notice.map(CalendarStore.Notice::notice).orElse(null));
        view.put("enteredBy", notice.map(CalendarStore.Notice::enteredBy).orElse(null));
        view.put("enteredAt", notice.map(n -> n.enteredAt().toString()).orElse(null));
        List<Map<String, Object>> list = new ArrayList<>();
        if (notice.isPresent()) {
            notice.get().days().forEach(day -> list.add(day(day.date(), day.kind().name(), day.name())));
        } else if (year >= 2025) {
            StatutoryHolidays.of(year).stream()
                    .filter(holiday -> !weekend(holiday.date()))
                    .forEach(holiday -> list.add(day(holiday.date(), CalendarStore.Kind.HOLIDAY.name(), holiday.name())));
        }
        view.put("days", list);
        return view;
    }

    /** The coverage of the official notices and the warning state, for the page, the log and the health endpoint. */
    public Coverage coverage(CalendarProperties properties) {
        LocalDate today = clock.instant().atZone(calendar.zone()).toLocalDate();
        Optional<LocalDate> until = days.officialUntil(today);
        LocalDate warnFrom = until.map(date -> date.minusDays(properties.warnBefore().toDays())).orElse(null);
        String state = until.isEmpty() ? "EXPIRED" : today.isBefore(warnFrom) ? "OK" : "WARNING";
        return new Coverage(state, until.orElse(null), warnFrom, until.map(date -> date.getYear() + 1).orElse(today.getYear()));
    }

    /**
     * @param state       OK, WARNING (the notices end within the warning period) or EXPIRED (this year has none)
     * @param officialUntil the last day the official notices cover, none when this year has no notice
     * @param yearNeeded  the year whose notice is to be entered next
     */
    public record Coverage(String state, LocalDate officialUntil, LocalDate warnFrom, int yearNeeded) {
    }

    // ------------------------------------------------------------------------------------------------ internals

    private Recalculation recalculate(Set<LocalDate> changed, String because) {
        if (changed.isEmpty()) {
            return new Recalculation(0, 0, 0, 0);
        }
        LocalDate first = changed.stream().min(Comparator.naturalOrder()).orElseThrow();
        ZoneId zone = calendar.zone();
        List<String> tickets = deadlines.openTicketsWithDeadlinesAfter(first.atStartOfDay(zone).toInstant());
        int moved = 0;
        int deadlinesMoved = 0;
        int failed = 0;
        for (String ticket : tickets) {
            Integer moves = null;
            for (int attempt = 1; moves == null && attempt <= 3; attempt++) {
                try {
                    moves = transaction.execute(status -> deadlines.recompute(ticket, because).size());
                } catch (RuntimeException e) {
                    // most likely the ticket was worked at this moment (optimistic locking): try again
                    if (attempt == 3) {
                        LOG.error("The deadlines of ticket {} could not be computed again after the calendar changed ({});"
                                + " they keep their dates", ticket, because, e);
                    }
                }
            }
            if (moves == null) {
                failed++;
            } else if (moves > 0) {
                moved++;
                deadlinesMoved += moves;
            }
        }
        return new Recalculation(tickets.size(), moved, deadlinesMoved, failed);
    }

    private void completeReminders(String by) {
        Coverage coverage = null;
        for (Task reminder : tasks.createTaskQuery().taskDefinitionKey(TASK_ENTER_HOLIDAY_NOTICE).list()) {
            LocalDate today = clock.instant().atZone(calendar.zone()).toLocalDate();
            Optional<LocalDate> until = days.officialUntil(today);
            Object needed = tasks.getVariable(reminder.getId(), org.posmaintenance.model.ModelContract.CALENDAR_YEAR_NEEDED);
            if (until.isPresent() && needed instanceof Number year && until.get().getYear() >= year.intValue()) {
                tasks.complete(reminder.getId());
                LOG.info("Reminder to enter the holiday notice for {} completed: entered by {}", year, by);
            }
        }
    }

    private List<CalendarStore.Day> check(int year, List<CalendarStore.Day> entered) {
        checkYear(year);
        Set<LocalDate> seen = new HashSet<>();
        List<CalendarStore.Day> checked = new ArrayList<>();
        for (int i = 0; i < entered.size(); i++) {
            CalendarStore.Day day = entered.get(i);
            String field = "days[" + i + "]";
            if (day == null || day.date() == null) {
                throw new InvalidCalendarException(field + ".date", "is required (YYYY-MM-DD)");
            }
            if (day.date().getYear() != year) {
                throw new InvalidCalendarException(field + ".date", day.date() + " is not in " + year);
            }
            if (day.kind() == null) {
                throw new InvalidCalendarException(field + ".kind", "is required: HOLIDAY or WORKDAY");
            }
            if (!seen.add(day.date())) {
                throw new InvalidCalendarException(field + ".date", day.date() + " is listed twice");
            }
            if (day.kind() == CalendarStore.Kind.WORKDAY && !weekend(day.date())) {
                throw new InvalidCalendarException(field + ".kind", day.date() + " is a " + day.date().getDayOfWeek()
                        + ", a regular workday: a make-up workday falls on a Saturday or Sunday");
            }
            String name = day.name() == null ? "" : day.name().strip();
            if (name.isEmpty() || name.length() > 100 || org.posmaintenance.ticket.TicketInput.CONTROL.matcher(name).find()) {
                throw new InvalidCalendarException(field + ".name", "is required (up to 100 characters), e.g. 春节 Spring Festival");
            }
            checked.add(new CalendarStore.Day(day.date(), day.kind(), name));
        }
        checked.sort(Comparator.comparing(CalendarStore.Day::date));
        return checked;
    }

    private void requireNotice(int year) {
        if (store.notice(year).isEmpty()) {
            throw new InvalidCalendarException("date", "the year " + year + " has no official notice yet: enter the notice first");
        }
    }

    private static String requireReason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 3 || why.length() > 500 || org.posmaintenance.ticket.TicketInput.CONTROL.matcher(why).find()) {
            throw new InvalidCalendarException("reason", "is required (3 to 500 characters): why the day changes");
        }
        return why;
    }

    private static void checkYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidCalendarException("year", "must be between " + FIRST_YEAR + " and " + LAST_YEAR + ", not " + year);
        }
    }

    private static boolean weekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static Map<String, Object> day(LocalDate date, String kind, String name) {
        Map<String, Object> day = new LinkedHashMap<>();
        day.put("date", date.toString());
        day.put("kind", kind);
        day.put("name", name);
        return day;
    }
}
