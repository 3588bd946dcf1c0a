package org.posmaintenance.report;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The managers' JSON report (documented in the README). Only members of {@code managers} and
 * {@code camunda-admin} get here: the security layer ({@code StaffSecurity}) checks every request first.
 */
@RestController
@RequestMapping(ReportApiController.PATH)
class ReportApiController {

    static final String PATH = "/api/reports";

    private final SlaReports reports;

    ReportApiController(SlaReports reports) {
        this.reports = reports;
    }

    /** Service levels of the tickets reported from {@code from} to {@code to} (default: this week so far). */
    @GetMapping("/sla")
    SlaReport serviceLevels(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return reports.serviceLevels(reports.period(from, to));
    }

    @ExceptionHandler(InvalidReportParameterException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidReportParameterException error) {
        return ResponseEntity.badRequest().body(Map.of("error", "invalid", "field", error.field(), "message", error.getMessage()));
    }
}
