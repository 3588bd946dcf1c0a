/*
 * Managers' service-level report: asks /api/reports/sla for a period and shows key figures, charts
 * (Apache ECharts) and tables. Plain JavaScript; everything the server sends is put on the page as
 * text (textContent), never as HTML. The caller logs in as a manager on the staff login (/login/) in this browser:
 * the API knows the login from the session.
 */
(function () {
  'use strict';

  var API = '/api/reports/sla';
  var LOGIN = '/login/?next=' + encodeURIComponent('/reports/');
  var LABELS = {
    severity: { NORMAL: 'Normal', URGENT: 'Urgent', MAJOR: 'Major', '': 'Not yet diagnosed' },
    channel: { REMOTE: 'Remote', ON_SITE: 'On site', MAIL_IN: 'Mail-in', '': 'Not yet diagnosed' },
    technician: { '': 'Unassigned' }
  };
  var COLORS = { response: '#0b5cad', resolution: '#1d7a46', charged: '#b3261e', warranty: '#1d7a46', included: '#8a96a3' };

  var charts = {};
  var lastReport = null;

  function $(id) { return document.getElementById(id); }

  function text(element, value) { element.textContent = value == null ? '' : String(value); }

  function label(kind, key) {
    var labels = LABELS[kind];
    var k = key == null ? '' : key;
    return Object.prototype.hasOwnProperty.call(labels, k) ? labels[k] : k;
  }

  function percent(value) { return value == null ? '–' : value.toFixed(1) + '%'; }

  function hours(value) { return value == null ? '–' : value.toFixed(2); }

  /** "2027-03-01T10:00:00+08:00" as "2027-03-01 10:00". */
  function shortTime(iso) { return iso ? iso.slice(0, 10) + ' ' + iso.slice(11, 16) : ''; }

  // --- dates as yyyy-MM-dd strings of the service region's calendar

  function addDays(day, n) {
    var t = new Date(day + 'T00:00:00Z');
    t.setUTCDate(t.getUTCDate() + n);
    return t.toISOString().slice(0, 10);
  }

  function mondayOf(day) {
    var weekday = (new Date(day + 'T00:00:00Z').getUTCDay() + 6) % 7;
    return addDays(day, -weekday);
  }

  /** The service region's today, as the server last said (the page's own clock may be in another zone). */
  function today() {
    return lastReport ? lastReport.period.generatedAt.slice(0, 10) : new Date().toISOString().slice(0, 10);
  }

  var PRESETS = {
    'this-week': function () { return {}; },
    'last-week': function () { var monday = mondayOf(today()); return { from: addDays(monday, -7), to: monday }; },
    'this-month': function () { return { from: today().slice(0, 8) + '01' }; },
    'last-30-days': function () { return { from: addDays(today(), -29) }; }
  };

  // --- loading

  function query(params) {
    var parts = [];
    ['from', 'to'].forEach(function (name) {
      if (params[name]) { parts.push(name + '=' + encodeURIComponent(params[name])); }
    });
    return parts.length ? '?' + parts.join('&') : '';
  }

  function showStatus(kind, message, link) {
    var status = $('status');
    status.className = 'notice' + (kind ? ' notice-' + kind : '');
    status.textContent = message;
    if (link) {
      status.appendChild(document.createTextNode(' '));
      var a = document.createElement('a');
      a.href = link.href;
      a.textContent = link.text;
      status.appendChild(a);
    }
    status.hidden = false;
  }

  function clearFieldErrors() {
    ['from', 'to'].forEach(function (field) {
      text($('err-' + field), '');
      $('f-' + field).removeAttribute('aria-invalid');
    });
  }

  function fieldError(field, message) {
    var input = $('f-' + field);
    if (!input) { return false; }
    text($('err-' + field), message);
    input.setAttribute('aria-invalid', 'true');
    return true;
  }

  function load(params) {
    clearFieldErrors();
    showStatus('', 'Loading…');
    $('json-link').href = API + query(params);
    text($('json-link'), API + query(params));
    fetch(API + query(params), {
      headers: { 'Accept': 'application/json' },
      credentials: 'same-origin'
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        return { status: response.status, body: body };
      });
    }).then(function (answer) {
      if (answer.status === 200) {
        render(answer.body);
        $('status').hidden = true;
      } else if (answer.status === 400) {
        $('report').hidden = true;
        var field = answer.body.field;
        // the page sends "to" as the day after the chosen one: the message speaks of the field, not the value
        fieldError(field, answer.body.message || 'Invalid value');
        showStatus('error', answer.body.message || 'The period is not valid.');
      } else if (answer.status === 401) {
        $('report').hidden = true;
        showStatus('error', 'You are not logged in. Log in as a manager, then this page opens again.',
          { href: LOGIN, text: 'Log in' });
      } else if (answer.status === 403) {
        $('report').hidden = true;
        showStatus('error', 'This report is for managers only: your user is not a member of the managers group.');
      } else {
        $('report').hidden = true;
        showStatus('error', 'The report could not be made (error ' + answer.status + '). Please try again.');
      }
    }).catch(function () {
      showStatus('error', 'The service could not be reached. Check the connection and try again.');
    });
  }

  // --- rendering

  function render(report) {
    lastReport = report;
    var period = report.period;
    $('f-from').value = period.from.slice(0, 10);
    // the period ends before "to": at midnight that is the day before
    $('f-to').value = period.to.slice(11, 19) === '00:00:00' ? addDays(period.to.slice(0, 10), -1) : period.to.slice(0, 10);
    text($('period-shown'), 'From ' + shortTime(period.from) + ' to ' + shortTime(period.to) + ' (' + period.zone
      + '), as of ' + shortTime(period.generatedAt) + '.');

    var overall = report.compliance.overall;
    text($('kpi-response'), percent(overall.response.metPercent));
    text($('kpi-response-detail'), outcomes(overall.response));
    text($('kpi-resolution'), percent(overall.resolution.metPercent));
    text($('kpi-resolution-detail'), outcomes(overall.resolution));
    text($('kpi-breaches'), overall.breaches);
    text($('kpi-tickets'), report.tickets.reported);
    text($('kpi-tickets-detail'), report.tickets.open + ' open, ' + report.tickets.closed + ' closed, '
      + report.tickets.cancelled + ' cancelled');
    text($('kpi-survey'), report.survey.averageScore == null ? '–' : report.survey.averageScore.toFixed(2) + ' / 5');
    text($('kpi-survey-detail'), report.survey.responseRatePercent == null ? 'no survey closed yet'
      : percent(report.survey.responseRatePercent) + ' of closed surveys answered');
    text($('kpi-loaners'), report.loaners.outNow.length);
    text($('kpi-billed'), report.billing.billedTotal + (report.billing.currency ? ' ' + report.billing.currency : ''));
    text($('kpi-billed-detail'), report.billing.bills + ' bills, ' + report.billing.warrantyCoveredBills + ' under warranty');

    renderComplianceTable(report.compliance);
    renderTimesTable(report.times);
    renderPauses(report.pauses);
    renderSurvey(report.survey);
    renderBilling(report.billing);
    renderLoaners(report.loaners);
    $('report').hidden = false;
    renderCharts(report);
  }

  function outcomes(o) { return o.met + ' met, ' + o.missed + ' missed, ' + o.open + ' open'; }

  function cell(row, value, header) {
    var c = document.createElement(header ? 'th' : 'td');
    if (header) { c.scope = 'row'; }
    text(c, value);
    row.appendChild(c);
  }

  function renderComplianceTable(compliance) {
    var body = $('table-compliance').tBodies[0];
    body.textContent = '';
    var rows = [['Overall', compliance.overall]];
    compliance.bySeverity.forEach(function (g) { rows.push(['Severity: ' + label('severity', g.key), g]); });
    compliance.byChannel.forEach(function (g) { rows.push(['Channel: ' + label('channel', g.key), g]); });
    compliance.byTechnician.forEach(function (g) { rows.push(['Technician: ' + label('technician', g.key), g]); });
    rows.forEach(function (entry) {
      var g = entry[1];
      var row = body.insertRow();
      cell(row, entry[0], true);
      cell(row, g.tickets);
      cell(row, percent(g.response.metPercent));
      cell(row, g.response.met + ' / ' + g.response.missed + ' / ' + g.response.open);
      cell(row, percent(g.resolution.metPercent));
      cell(row, g.resolution.met + ' / ' + g.resolution.missed + ' / ' + g.resolution.open);
      cell(row, g.breaches);
    });
  }

  function renderTimesTable(times) {
    var body = $('table-times').tBodies[0];
    body.textContent = '';
    [['First response', times.respond], ['Repair done', times.repair]].forEach(function (step) {
      [step[1].overall].concat(step[1].bySeverity).forEach(function (s, index) {
        var row = body.insertRow();
        cell(row, step[0], true);
        cell(row, index === 0 ? 'All' : label('severity', s.key));
        cell(row, s.count);
        cell(row, hours(s.clockHours.mean));
        cell(row, hours(s.clockHours.p90));
        cell(row, hours(s.serviceHours.mean));
        cell(row, hours(s.serviceHours.p90));
      });
    });
  }

  /** Time the repair clock stood because tickets waited on the merchant, apart from the times above. */
  function renderPauses(pauses) {
    var names = { MAIL_IN: 'terminal in the post', VISIT_POSTPONED: 'visit postponed by the merchant',
      MERCHANT_UNREACHABLE: 'merchant not reachable' };
    if (!pauses || !pauses.count) {
      text($('pauses-summary'), 'Paused repair clock (waiting on the merchant): none.');
      return;
    }
    text($('pauses-summary'), 'Paused repair clock (waiting on the merchant; the deadlines moved by it, the times above include it): '
      + pauses.count + ' pauses on ' + pauses.tickets + ' tickets; ' + pauses.byKind.filter(function (k) { return k.count; })
      .map(function (k) {
        return names[k.kind] + ' ' + k.count + ' (' + hours(k.serviceHours) + ' service h, ' + hours(k.clockHours) + ' h)';
      }).join('; ') + '.');
  }

  function renderSurvey(survey) {
    text($('survey-summary'), survey.sent + ' sent, ' + survey.answered + ' answered, ' + survey.unanswered
      + ' closed unanswered, ' + survey.open + ' open. Response rate ' + percent(survey.responseRatePercent)
      + ', average score ' + (survey.averageScore == null ? '–' : survey.averageScore.toFixed(2)) + '.');
  }

  function renderBilling(billing) {
    var currency = billing.currency ? ' ' + billing.currency : '';
    text($('billing-summary'), 'Parts charged: ' + billing.parts.charged.quantity + ' (' + billing.parts.charged.billed + currency
      + '); under warranty: ' + billing.parts.warranty.quantity + ' (worth ' + billing.parts.warranty.listValue + currency
      + '); included in the rental: ' + billing.parts.includedInRental.quantity + '. Services charged: '
      + billing.services.charged.billed + currency + '.');
  }

  function renderLoaners(loaners) {
    text($('loaners-summary'), 'For the tickets of the period: ' + loaners.lent + ' lent, ' + loaners.returned + ' back, '
      + loaners.out + ' still out. Below: every loaner out now, whatever the period.');
    var body = $('table-loaners').tBodies[0];
    body.textContent = '';
    if (loaners.outNow.length === 0) {
      var empty = body.insertRow();
      var c = empty.insertCell();
      c.colSpan = 5;
      text(c, 'None.');
      return;
    }
    loaners.outNow.forEach(function (l) {
      var row = body.insertRow();
      cell(row, l.ticketNumber, true);
      cell(row, l.loanerSerial);
      cell(row, l.merchantName);
      cell(row, shortTime(l.lentAt));
      cell(row, l.daysOut.toFixed(1));
    });
  }

  // --- charts (only if ECharts loaded; the tables say the same)

  function chart(id, option) {
    if (!window.echarts) { return; }
    if (!charts[id]) { charts[id] = window.echarts.init($(id)); }
    charts[id].setOption(option, true);
  }

  /** Each bar says its value, so that 0% is seen too. */
  var BAR_LABEL = { show: true, position: 'top', fontSize: 11, formatter: function (p) { return p.value + '%'; } };

  function complianceOption(title, kind, groups) {
    var value = function (v) { return v == null ? '-' : v; };
    return {
      title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v === '-' || v == null ? 'no deadline decided' : v + '%'; } },
      legend: { bottom: 0 },
      grid: { left: 40, right: 10, top: 36, bottom: 56 },
      xAxis: { type: 'category', data: groups.map(function (g) { return label(kind, g.key); }), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        { name: 'First response met', type: 'bar', color: COLORS.response, label: BAR_LABEL,
          data: groups.map(function (g) { return value(g.response.metPercent); }) },
        { name: 'Resolution met', type: 'bar', color: COLORS.resolution, label: BAR_LABEL,
          data: groups.map(function (g) { return value(g.resolution.metPercent); }) }
      ]
    };
  }

  function timesOption(title, step) {
    var stats = step.bySeverity;
    var serie = function (name, pick, color, dashed) {
      return { name: name, type: 'bar', color: color, itemStyle: dashed ? { opacity: 0.55 } : undefined,
        data: stats.map(function (s) { var v = pick(s); return v == null ? '-' : v; }) };
    };
    return {
      title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v === '-' ? '–' : v + ' h'; } },
      legend: { bottom: 0 },
      grid: { left: 44, right: 10, top: 36, bottom: 56 },
      xAxis: { type: 'category', data: stats.map(function (s) { return label('severity', s.key); }) },
      yAxis: { type: 'value', name: 'hours' },
      series: [
        serie('Mean', function (s) { return s.clockHours.mean; }, COLORS.response),
        serie('P90', function (s) { return s.clockHours.p90; }, COLORS.response, true),
        serie('Mean (service h)', function (s) { return s.serviceHours.mean; }, COLORS.resolution),
        serie('P90 (service h)', function (s) { return s.serviceHours.p90; }, COLORS.resolution, true)
      ]
    };
  }

  function renderCharts(report) {
    var c = report.compliance;
    chart('chart-severity', complianceOption('Per severity', 'severity', c.bySeverity));
    chart('chart-channel', complianceOption('Per repair channel', 'channel', c.byChannel));
    chart('chart-technician', complianceOption('Per technician', 'technician', c.byTechnician));
    chart('chart-respond', timesOption('To the first response', report.times.respond));
    chart('chart-repair', timesOption('To the end of the repair', report.times.repair));
    var scores = report.survey.scores;
    chart('chart-survey', {
      tooltip: { trigger: 'axis' },
      grid: { left: 36, right: 10, top: 16, bottom: 30 },
      xAxis: { type: 'category', data: ['1', '2', '3', '4', '5'], name: 'score' },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: 'Answers', type: 'bar', color: COLORS.response,
        data: ['1', '2', '3', '4', '5'].map(function (s) { return scores[s] || 0; }) }]
    });
    var parts = report.billing.byPart;
    var stacked = function (name, pick, color) {
      return { name: name, type: 'bar', stack: 'parts', color: color, data: parts.map(pick) };
    };
    chart('chart-parts', {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 36, right: 10, top: 16, bottom: 70 },
      xAxis: { type: 'category', data: parts.map(function (p) { return p.code; }), axisLabel: { rotate: 30, interval: 0 } },
      yAxis: { type: 'value', minInterval: 1, name: 'parts' },
      series: [
        stacked('Charged', function (p) { return p.charged; }, COLORS.charged),
        stacked('Warranty', function (p) { return p.warranty; }, COLORS.warranty),
        stacked('In rental', function (p) { return p.includedInRental; }, COLORS.included)
      ]
    });
  }

  // --- the period form

  function choosePreset(name) {
    document.querySelectorAll('[data-preset]').forEach(function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-preset') === name));
    });
  }

  function init() {
    document.querySelectorAll('[data-preset]').forEach(function (button) {
      button.addEventListener('click', function () {
        var name = button.getAttribute('data-preset');
        choosePreset(name);
        load(PRESETS[name]());
      });
    });
    $('period-form').addEventListener('submit', function (event) {
      event.preventDefault();
      clearFieldErrors();
      var from = $('f-from').value;
      var to = $('f-to').value;
      if (!from) { fieldError('from', 'Choose the first day.'); return; }
      if (to && to < from) { fieldError('from', 'The first day must not be after the last day.'); return; }
      choosePreset(null);
      load({ from: from, to: to ? addDays(to, 1) : '' });
    });
    window.addEventListener('resize', function () {
      Object.keys(charts).forEach(function (id) { charts[id].resize(); });
    });
    load({});
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
