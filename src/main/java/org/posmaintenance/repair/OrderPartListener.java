package org.posmaintenance.repair;

import static org.posmaintenance.model.ModelContract.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.posmaintenance.billing.PriceList;
import org.posmaintenance.notification.MerchantNotifier;
import org.posmaintenance.sla.ServiceHoursCalendar;
import org.posmaintenance.ticket.InvalidTicketInputException;
import org.posmaintenance.ticket.TicketInput;
import org.posmaintenance.ticket.TicketJournal;
import org.posmaintenance.ticket.TicketRegistry;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_OrderPart}: the missing part (from the repair's record) is ordered. The merchant is
 * told the plan and the new estimated time of repair: the end of the first service day after the expected
 * delivery, which the ticket's record keeps.
 */
@Component("orderPart")
public class OrderPartListener implements TaskListener {

    /** An expected delivery further away than this is a typing error. */
    static final Duration LONGEST_DELIVERY = Duration.ofDays(180);

    private final ServiceHoursCalendar calendar;
    private final PriceList priceList;
    private final MerchantNotifier notifier;
    private final TicketRegistry registry;
    private final RepairWork work;
    private final Clock clock;

    public OrderPartListener(ServiceHoursCalendar calendar, PriceList priceList, MerchantNotifier notifier,
                             TicketRegistry registry, RepairWork work, Clock clock) {
        this.calendar = calendar;
        this.priceList = priceList;
        this.notifier = notifier;
        this.registry = registry;
        this.work = work;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        TicketInput input = TicketInput.of(task);
        input.requiredText(SUPPLIER_ORDER_REFERENCE, 64);
        LocalDate expected = input.requiredDate(PART_EXPECTED_ON);
        Instant now = clock.instant();
        LocalDate today = now.atZone(calendar.zone()).toLocalDate();
        if (expected.isBefore(today) || expected.isAfter(today.plusDays(LONGEST_DELIVERY.toDays()))) {
            throw new InvalidTicketInputException(PART_EXPECTED_ON, "partExpectedRange", LONGEST_DELIVERY.toDays());
        }
        // delivered during the expected day, repaired within the next service day
        Instant delivered = expected.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
        Instant eta = calendar.addServiceTime(delivered, Duration.between(calendar.opens(), calendar.closes()));
        TicketRegistry.Ticket ticket = registry.ofProcess(task.getProcessInstanceId());
        registry.eta(ticket.processInstanceId(), eta);
        String part = work.last(ticket.number(), RepairWork.Outcome.PART_UNAVAILABLE).flatMap(step -> step.parts().stream().findFirst())
                .orElseThrow(() -> new IllegalStateException("Ticket " + ticket.number() + " has no missing part on record"));
        PriceList.Prices prices = priceList.load();
        String partName = prices.hasPart(part) ? prices.part(part).name() : part;
        notifier.notify(ticket.processInstanceId(), TicketJournal.Notification.PART_ORDERED, Map.of("part", partName,
                "eta", calendar.shown(eta)), Map.of(), eta);
    }
}
