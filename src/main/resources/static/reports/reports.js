/*
 * Managers' service-level report: asks /api/reports/sla for a period and shows key figures, charts
 * (Apache ECharts) and tables. Plain JavaScript; everything the server sends is put on the page as
 * text (textContent), never as HTML. The caller logs in as a manager on the staff login (/login/) in this browser:
 * the API knows the login from the session.
 * The page speaks Simplified Chinese when the browser's first language (navigator.languages[0]) is Chinese, as
 * Camunda's Tasklist and Cockpit do, else English; a language chosen on the staff login or the holiday calendar
 * (localStorage 'pos-staff-language') goes first. Static texts carry data-i18n (content) or data-i18n-attr
 * (attributes, "name:key;name:key"); codes the server sends (severity, repair channel, part, pause kind, ...) are
 * shown as words, an unknown code as it is.
 */
(function () {
  'use strict';

  var API = '/api/reports/sla';
  var LOGIN = '/login/?next=' + encodeURIComponent('/reports/');
  /** The staff pages' language, as chosen on the staff login or the holiday calendar. */
  var LANG_KEY = 'pos-staff-language';

  /**
   * The page's texts. Codes as words: "<kind>.<code>" (severity, channel, technician, part, pause, currency, zone;
   * "<kind>." for none), see label(). English part names as in billing/price-list.json. The "server.*" texts put the
   * server's (English) refusals of a period in Chinese; English shows the server's own words.
   */
  var TEXT = {
    'en': {
      'app.pageTitle': 'Service-level report · POS terminal service',
      'app.title': 'Service-level report',
      'app.subtitle': 'After-sales maintenance of POS terminals · for managers',

      'period.title': 'Tickets reported',
      'period.presets': 'Period',
      'preset.this-week': 'This week',
      'preset.last-week': 'Last week',
      'preset.this-month': 'This month',
      'preset.last-30-days': 'Last 30 days',
      'period.from': 'From',
      'period.to': 'To (inclusive)',
      'period.show': 'Show',
      'period.shown': 'From {from} to {to} ({zone}), as of {at}.',
      'period.chooseFrom': 'Choose the first day.',
      'period.fromAfterTo': 'The first day must not be after the last day.',

      'common.loading': 'Loading…',
      'status.invalidValue': 'Invalid value',
      'status.invalid': 'The period is not valid.',
      'status.invalidWith': '{message}',
      'status.login': 'You are not logged in. Log in as a manager, then this page opens again.',
      'status.loginLink': 'Log in',
      'status.forbidden': 'This report is for managers only: your user is not a member of the managers group.',
      'status.failed': 'The report could not be made (error {status}). Please try again.',
      'status.network': 'The service could not be reached. Check the connection and try again.',

      'kpi.label': 'Key figures',
      'kpi.response': 'First response met',
      'kpi.resolution': 'Resolution met',
      'kpi.breaches': 'Breaches',
      'kpi.breaches.detail': 'missed deadlines',
      'kpi.tickets': 'Tickets',
      'kpi.tickets.detail': '{open} open, {closed} closed, {cancelled} cancelled',
      'kpi.survey': 'Survey score',
      'kpi.survey.none': 'no survey closed yet',
      'kpi.survey.detail': '{percent} of closed surveys answered',
      'kpi.loaners': 'Loaners out now',
      'kpi.loaners.detail': 'all tickets',
      'kpi.billed': 'Billed',
      'kpi.billed.detail': '{bills} bills, {warranty} under warranty',
      'outcomes': '{met} met, {missed} missed, {open} open',

      'compliance.title': 'Service-level compliance',
      'compliance.intro': 'Met % of the decided deadlines (open ones not counted). First response: by the response deadline. Resolution: repair stage done (repaired, a mail-in terminal back, billed) by the resolution deadline.',
      'compliance.caption': 'Compliance per group',
      'compliance.group': 'Group',
      'compliance.tickets': 'Tickets',
      'compliance.response': 'Response met',
      'compliance.outcomes': 'met / missed / open',
      'compliance.resolution': 'Resolution met',
      'compliance.breaches': 'Breaches',
      'compliance.overall': 'Overall',
      'compliance.bySeverity': 'Severity: {name}',
      'compliance.byChannel': 'Channel: {name}',
      'compliance.byTechnician': 'Technician: {name}',

      'times.title': 'Time from the report',
      'times.intro': 'Hours from the report to the first response and to the end of the repair stage, round the clock and in service hours; mean and 90th percentile.',
      'times.caption': 'Times per severity',
      'times.step': 'Step',
      'times.severity': 'Severity',
      'times.tickets': 'Tickets',
      'times.mean': 'Mean h',
      'times.p90': 'P90 h',
      'times.serviceMean': 'Mean service h',
      'times.serviceP90': 'P90 service h',
      'times.respond': 'First response',
      'times.repair': 'Repair done',
      'times.all': 'All',

      'pauses.none': 'Paused repair clock (waiting on the merchant): none.',
      'pauses.summary': 'Paused repair clock (waiting on the merchant; the deadlines moved by it, the times above include it): {count} pauses on {tickets} tickets; {kinds}.',
      'pauses.kind': '{name} {count} ({service} service h, {clock} h)',
      'pauses.separator': '; ',

      'survey.title': 'Merchant survey',
      'survey.summary': '{sent} sent, {answered} answered, {unanswered} closed unanswered, {open} open. Response rate {rate}, average score {average}.',

      'billing.title': 'Parts: billed or covered',
      'billing.summary': 'Parts charged: {charged} ({billed}); under warranty: {warranty} (worth {warrantyValue}); included in the rental: {included}. Services charged: {services}.',

      'loaners.title': 'Loaner terminals out now',
      'loaners.summary': 'For the tickets of the period: {lent} lent, {returned} back, {out} still out. Below: every loaner out now, whatever the period.',
      'loaners.ticket': 'Ticket',
      'loaners.loaner': 'Loaner',
      'loaners.merchant': 'Merchant',
      'loaners.lent': 'Lent',
      'loaners.daysOut': 'Days out',
      'loaners.none': 'None.',

      'chart.severity.label': 'Compliance per severity',
      'chart.channel.label': 'Compliance per repair channel',
      'chart.technician.label': 'Compliance per technician',
      'chart.respond.label': 'Time to respond per severity',
      'chart.repair.label': 'Time to repair per severity',
      'chart.survey.label': 'Survey scores',
      'chart.parts.label': 'Parts billed and covered by warranty',
      'chart.severity': 'Per severity',
      'chart.channel': 'Per repair channel',
      'chart.technician': 'Per technician',
      'chart.respond': 'To the first response',
      'chart.repair': 'To the end of the repair',
      'chart.responseMet': 'First response met',
      'chart.resolutionMet': 'Resolution met',
      'chart.noDeadline': 'no deadline decided',
      'chart.hoursAxis': 'hours',
      'chart.hours': '{value} h',
      'chart.mean': 'Mean',
      'chart.p90': 'P90',
      'chart.serviceMean': 'Mean (service h)',
      'chart.serviceP90': 'P90 (service h)',
      'chart.score': 'score',
      'chart.answers': 'Answers',
      'chart.partsAxis': 'parts',
      'chart.charged': 'Charged',
      'chart.warranty': 'Warranty',
      'chart.included': 'In rental',

      'footer.source': 'Figures from Camunda\'s history and the application\'s records, as the tickets stand now.',
      'footer.json': 'The same data as JSON:',

      'severity.NORMAL': 'Normal',
      'severity.URGENT': 'Urgent',
      'severity.MAJOR': 'Major',
      'severity.': 'Not yet diagnosed',
      'channel.REMOTE': 'Remote',
      'channel.ON_SITE': 'On site',
      'channel.MAIL_IN': 'Mail-in',
      'channel.': 'Not yet diagnosed',
      'technician.': 'Unassigned',
      'pause.MAIL_IN': 'terminal in the post',
      'pause.VISIT_POSTPONED': 'visit postponed by the merchant',
      'pause.MERCHANT_UNREACHABLE': 'merchant not reachable',
      'part.PRINTER_HEAD': 'Printer head',
      'part.PRINTER_ROLLER': 'Printer roller',
      'part.CARD_READER_MAG': 'Magstripe reader',
      'part.CARD_READER_IC': 'Chip card reader',
      'part.NFC_MODULE': 'Contactless (NFC) module',
      'part.KEYPAD': 'Keypad',
      'part.DISPLAY': 'Display',
      'part.BATTERY': 'Battery',
      'part.POWER_ADAPTER': 'Power adapter',
      'part.COMMS_MODULE': '4G / Wi-Fi module',
      'part.MAINBOARD': 'Mainboard',
      'part.HOUSING': 'Housing',
      'part.TERMINAL_REPLACEMENT': 'Replacement terminal'
      // currencies and time zones stay codes in English (CNY, Asia/Shanghai)
    },

    'zh-CN': {
      'app.pageTitle': '服务时限报表 · POS 终端售后服务',
      'app.title': '服务时限报表',
      'app.subtitle': 'POS 终端售后维修 · 管理人员使用',

      'period.title': '报修工单',
      'period.presets': '时段',
      'preset.this-week': '本周',
      'preset.last-week': '上周',
      'preset.this-month': '本月',
      'preset.last-30-days': '最近 30 天',
      'period.from': '开始日期',
      'period.to': '结束日期（含）',
      'period.show': '显示',
      'period.shown': '{from} 至 {to}（{zone}），数据截至 {at}。',
      'period.chooseFrom': '请选择开始日期。',
      'period.fromAfterTo': '开始日期不能晚于结束日期。',

      'common.loading': '正在加载…',
      'status.invalidValue': '无效的值',
      'status.invalid': '所选时段无效。',
      'status.invalidWith': '所选时段无效：{message}',
      'status.login': '您尚未登录。请以管理人员身份登录，登录后将回到此页面。',
      'status.loginLink': '登录',
      'status.forbidden': '此报表仅供管理人员使用：您的用户不属于管理人员组（managers）。',
      'status.failed': '报表未能生成（错误 {status}），请重试。',
      'status.network': '无法连接服务，请检查网络后重试。',

      'kpi.label': '关键数据',
      'kpi.response': '首次响应达标',
      'kpi.resolution': '解决达标',
      'kpi.breaches': '超时次数',
      'kpi.breaches.detail': '未达标的时限',
      'kpi.tickets': '工单',
      'kpi.tickets.detail': '未关闭 {open}，已关闭 {closed}，已取消 {cancelled}',
      'kpi.survey': '满意度调查评分',
      'kpi.survey.none': '尚无已结束的满意度调查',
      'kpi.survey.detail': '已结束的调查中 {percent} 已回答',
      'kpi.loaners': '在外的备用机',
      'kpi.loaners.detail': '全部工单',
      'kpi.billed': '计费金额',
      'kpi.billed.detail': '账单 {bills} 张，保修 {warranty} 张',
      'outcomes': '达标 {met}，未达标 {missed}，未定 {open}',

      'compliance.title': '服务时限达标情况',
      'compliance.intro': '已定时限中的达标比例（尚未到期、尚无结果的不计）。首次响应：在首次响应时限内响应。解决：在解决时限内完成维修阶段（已修复、寄修终端已寄回、已计费）。',
      'compliance.caption': '各分组的达标情况',
      'compliance.group': '分组',
      'compliance.tickets': '工单',
      'compliance.response': '首次响应达标',
      'compliance.outcomes': '达标 / 未达标 / 未定',
      'compliance.resolution': '解决达标',
      'compliance.breaches': '超时次数',
      'compliance.overall': '总体',
      'compliance.bySeverity': '严重程度：{name}',
      'compliance.byChannel': '维修方式：{name}',
      'compliance.byTechnician': '技术人员：{name}',

      'times.title': '自报修起的用时',
      'times.intro': '从报修到首次响应、到维修阶段结束的小时数，分别按全天时间和服务时间计算；平均值和第 90 百分位数（P90）。',
      'times.caption': '各严重程度的用时',
      'times.step': '环节',
      'times.severity': '严重程度',
      'times.tickets': '工单',
      'times.mean': '平均（小时）',
      'times.p90': 'P90（小时）',
      'times.serviceMean': '平均（服务小时）',
      'times.serviceP90': 'P90（服务小时）',
      'times.respond': '首次响应',
      'times.repair': '维修完成',
      'times.all': '全部',

      'pauses.none': '维修计时暂停（等待商户）：无。',
      'pauses.summary': '维修计时暂停（等待商户；时限随之顺延，上面的用时包含暂停时间）：{tickets} 张工单共暂停 {count} 次；{kinds}。',
      'pauses.kind': '{name} {count} 次（服务时间 {service} 小时，全天 {clock} 小时）',
      'pauses.separator': '；',

      'survey.title': '商户满意度调查',
      'survey.summary': '已发送 {sent}，已回答 {answered}，未回答即结束 {unanswered}，进行中 {open}。回答率 {rate}，平均评分 {average}。',

      'billing.title': '配件：计费、保修或租赁含维护',
      'billing.summary': '计费配件：{charged} 件（{billed}）；保修：{warranty} 件（价值 {warrantyValue}）；租赁含维护：{included} 件。计费服务：{services}。',

      'loaners.title': '目前在外的备用机',
      'loaners.summary': '本时段的工单：借出备用机 {lent} 台，已收回 {returned} 台，仍在外 {out} 台。下表为目前在外的全部备用机（不限时段）。',
      'loaners.ticket': '工单',
      'loaners.loaner': '备用机',
      'loaners.merchant': '商户',
      'loaners.lent': '借出时间',
      'loaners.daysOut': '在外天数',
      'loaners.none': '无。',

      'chart.severity.label': '各严重程度的达标情况',
      'chart.channel.label': '各维修方式的达标情况',
      'chart.technician.label': '各技术人员的达标情况',
      'chart.respond.label': '各严重程度的首次响应用时',
      'chart.repair.label': '各严重程度的维修用时',
      'chart.survey.label': '满意度调查评分分布',
      'chart.parts.label': '计费配件与保修配件',
      'chart.severity': '按严重程度',
      'chart.channel': '按维修方式',
      'chart.technician': '按技术人员',
      'chart.respond': '至首次响应',
      'chart.repair': '至维修完成',
      'chart.responseMet': '首次响应达标',
      'chart.resolutionMet': '解决达标',
      'chart.noDeadline': '尚无已定时限',
      'chart.hoursAxis': '小时',
      'chart.hours': '{value} 小时',
      'chart.mean': '平均',
      'chart.p90': 'P90',
      'chart.serviceMean': '平均（服务小时）',
      'chart.serviceP90': 'P90（服务小时）',
      'chart.score': '评分',
      'chart.answers': '回答数',
      'chart.partsAxis': '件数',
      'chart.charged': '计费',
      'chart.warranty': '保修',
      'chart.included': '租赁含维护',

      'footer.source': '数据来自 Camunda 的历史记录和本应用的记录，反映工单的当前状态。',
      'footer.json': '同样的数据（JSON）：',

      'severity.NORMAL': '普通',
      'severity.URGENT': '紧急',
      'severity.MAJOR': '重大',
      'severity.': '尚未诊断',
      'channel.REMOTE': '远程支持',
      'channel.ON_SITE': '上门维修',
      'channel.MAIL_IN': '寄修',
      'channel.': '尚未诊断',
      'technician.': '未分配',
      'pause.MAIL_IN': '等待商户寄来终端（寄修）',
      'pause.VISIT_POSTPONED': '商户要求上门维修改期',
      'pause.MERCHANT_UNREACHABLE': '联系不上商户',
      'part.PRINTER_HEAD': '打印头',
      'part.PRINTER_ROLLER': '打印胶辊',
      'part.CARD_READER_MAG': '磁条读卡器',
      'part.CARD_READER_IC': '芯片读卡器',
      'part.NFC_MODULE': '非接触（NFC）模块',
      'part.KEYPAD': '键盘',
      'part.DISPLAY': '显示屏',
      'part.BATTERY': '电池',
      'part.POWER_ADAPTER': '电源适配器',
      'part.COMMS_MODULE': '4G / Wi-Fi 模块',
      'part.MAINBOARD': '主板',
      'part.HOUSING': '外壳',
      'part.TERMINAL_REPLACEMENT': '替换终端',
      'currency.CNY': '元',
      'zone.Asia/Shanghai': '北京时间',

      'server.field.from': '开始日期',
      'server.field.to': '结束日期',
      'server.field.': '日期',
      'server.beforeTo': '开始日期必须早于结束日期。',
      'server.tooLong': '时段最长 {days} 天，请分成几个时段查询。',
      'server.format': '{field}不是有效的日期（例如 2026-11-23）。',
      'server.years': '{field}的年份必须在 {first} 至 {last} 之间，而不是 {year}。'
    }
  };

  /** The server's refusals of a period ("Field 'from': ..."), each as a text of the page. */
  var SERVER_MESSAGES = [
    { pattern: /^must be before 'to'/, key: 'server.beforeTo' },
    { pattern: /^the period may be at most (\d+) days long/, key: 'server.tooLong', names: ['days'] },
    { pattern: /^(?:is too long; expected|'[\s\S]*' is not a date)/, key: 'server.format' },
    { pattern: /^must be in the years (\d+) to (\d+), not (-?\d+)/, key: 'server.years', names: ['first', 'last', 'year'] }
  ];

  var lang = initialLanguage();

  var COLORS = { response: '#0b5cad', resolution: '#1d7a46', charged: '#b3261e', warranty: '#1d7a46', included: '#8a96a3' };

  var charts = {};
  var lastReport = null;

  function $(id) { return document.getElementById(id); }

  function text(element, value) { element.textContent = value == null ? '' : String(value); }

  // --- language

  function initialLanguage() {
    try {
      var saved = window.localStorage.getItem(LANG_KEY);
      if (saved && Object.prototype.hasOwnProperty.call(TEXT, saved)) {
        return saved;
      }
    } catch (e) { /* storage may be blocked */ }
    var first = (navigator.languages && navigator.languages[0]) || navigator.language || '';
    return /^zh/i.test(first) ? 'zh-CN' : 'en';
  }

  function has(table, key) { return Object.prototype.hasOwnProperty.call(table, key); }

  function t(key, params) {
    var words = has(TEXT[lang], key) ? TEXT[lang][key] : has(TEXT.en, key) ? TEXT.en[key] : key;
    return words.replace(/\{(\w+)\}/g, function (all, name) {
      return params && params[name] !== undefined && params[name] !== null ? String(params[name]) : all;
    });
  }

  /** A code as words: kind "severity", "channel", "technician", "part", "pause", "currency" or "zone"; unknown as it is. */
  function label(kind, key) {
    var k = key == null ? '' : String(key);
    var name = kind + '.' + k;
    return has(TEXT[lang], name) ? TEXT[lang][name] : has(TEXT.en, name) ? TEXT.en[name] : k;
  }

  /**
   * The server's refusal of a period in the page's language: in English its own words, in Chinese the text of the page
   * for a known refusal; an unknown one as the server wrote it.
   */
  function serverReason(field, message) {
    if (!message || lang === 'en') {
      return message;
    }
    var reason = String(message).replace(/^Field '[^']*': /, '');
    for (var i = 0; i < SERVER_MESSAGES.length; i++) {
      var known = SERVER_MESSAGES[i];
      var match = known.pattern.exec(reason);
      if (match) {
        var params = { field: label('server.field', field === 'from' || field === 'to' ? field : '') };
        (known.names || []).forEach(function (name, index) { params[name] = match[index + 1]; });
        return t(known.key, params);
      }
    }
    return message;
  }

  /** Puts the static texts of the page (data-i18n, data-i18n-attr) in the page's language. */
  function applyLanguage() {
    document.documentElement.lang = lang;
    document.title = t('app.pageTitle');
    document.querySelectorAll('[data-i18n]').forEach(function (element) {
      element.textContent = t(element.getAttribute('data-i18n'));
    });
    document.querySelectorAll('[data-i18n-attr]').forEach(function (element) {
      element.getAttribute('data-i18n-attr').split(';').forEach(function (pair) {
        var parts = pair.split(':');
        element.setAttribute(parts[0].trim(), t(parts[1].trim()));
      });
    });
  }

  /** An amount of the bill with its currency ("180.00 CNY"; in Chinese "180.00 元"). */
  function money(amount, currency) { return amount + (currency ? ' ' + label('currency', currency) : ''); }

  function percent(value) { return value == null ? '–' : value.toFixed(1) + '%'; }

  function hours(value) { return value == null ? '–' : value.toFixed(2); }

  /** "2027-03-01T10:00:00+08:00" as "2027-03-01 10:00". */
  function shortTime(iso) { return iso ? iso.slice(0, 10) + ' ' + iso.slice(11, 16) : ''; }

  // --- dates as yyyy-MM-dd strings of the service region's calendar

  function addDays(day, n) {
    var date = new Date(day + 'T00:00:00Z');
    date.setUTCDate(date.getUTCDate() + n);
    return date.toISOString().slice(0, 10);
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
    showStatus('', t('common.loading'));
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
        var reason = serverReason(field, answer.body.message);
        fieldError(field, reason || t('status.invalidValue'));
        showStatus('error', reason ? t('status.invalidWith', { message: reason }) : t('status.invalid'));
      } else if (answer.status === 401) {
        $('report').hidden = true;
        showStatus('error', t('status.login'), { href: LOGIN, text: t('status.loginLink') });
      } else if (answer.status === 403) {
        $('report').hidden = true;
        showStatus('error', t('status.forbidden'));
      } else {
        $('report').hidden = true;
        showStatus('error', t('status.failed', { status: answer.status }));
      }
    }).catch(function () {
      showStatus('error', t('status.network'));
    });
  }

  // --- rendering

  function render(report) {
    lastReport = report;
    var period = report.period;
    $('f-from').value = period.from.slice(0, 10);
    // the period ends before "to": at midnight that is the day before
    $('f-to').value = period.to.slice(11, 19) === '00:00:00' ? addDays(period.to.slice(0, 10), -1) : period.to.slice(0, 10);
    text($('period-shown'), t('period.shown', { from: shortTime(period.from), to: shortTime(period.to),
      zone: label('zone', period.zone), at: shortTime(period.generatedAt) }));

    var overall = report.compliance.overall;
    text($('kpi-response'), percent(overall.response.metPercent));
    text($('kpi-response-detail'), outcomes(overall.response));
    text($('kpi-resolution'), percent(overall.resolution.metPercent));
    text($('kpi-resolution-detail'), outcomes(overall.resolution));
    text($('kpi-breaches'), overall.breaches);
    text($('kpi-tickets'), report.tickets.reported);
    text($('kpi-tickets-detail'), t('kpi.tickets.detail', { open: report.tickets.open, closed: report.tickets.closed,
      cancelled: report.tickets.cancelled }));
    text($('kpi-survey'), report.survey.averageScore == null ? '–' : report.survey.averageScore.toFixed(2) + ' / 5');
    text($('kpi-survey-detail'), report.survey.responseRatePercent == null ? t('kpi.survey.none')
      : t('kpi.survey.detail', { percent: percent(report.survey.responseRatePercent) }));
    text($('kpi-loaners'), report.loaners.outNow.length);
    text($('kpi-billed'), money(report.billing.billedTotal, report.billing.currency));
    text($('kpi-billed-detail'), t('kpi.billed.detail', { bills: report.billing.bills,
      warranty: report.billing.warrantyCoveredBills }));

    renderComplianceTable(report.compliance);
    renderTimesTable(report.times);
    renderPauses(report.pauses);
    renderSurvey(report.survey);
    renderBilling(report.billing);
    renderLoaners(report.loaners);
    $('report').hidden = false;
    renderCharts(report);
  }

  function outcomes(o) { return t('outcomes', { met: o.met, missed: o.missed, open: o.open }); }

  function cell(row, value, header) {
    var c = document.createElement(header ? 'th' : 'td');
    if (header) { c.scope = 'row'; }
    text(c, value);
    row.appendChild(c);
  }

  function renderComplianceTable(compliance) {
    var body = $('table-compliance').tBodies[0];
    body.textContent = '';
    var rows = [[t('compliance.overall'), compliance.overall]];
    compliance.bySeverity.forEach(function (g) { rows.push([t('compliance.bySeverity', { name: label('severity', g.key) }), g]); });
    compliance.byChannel.forEach(function (g) { rows.push([t('compliance.byChannel', { name: label('channel', g.key) }), g]); });
    compliance.byTechnician.forEach(function (g) {
      rows.push([t('compliance.byTechnician', { name: label('technician', g.key) }), g]);
    });
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
    [[t('times.respond'), times.respond], [t('times.repair'), times.repair]].forEach(function (step) {
      [step[1].overall].concat(step[1].bySeverity).forEach(function (s, index) {
        var row = body.insertRow();
        cell(row, step[0], true);
        cell(row, index === 0 ? t('times.all') : label('severity', s.key));
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
    if (!pauses || !pauses.count) {
      text($('pauses-summary'), t('pauses.none'));
      return;
    }
    var kinds = pauses.byKind.filter(function (k) { return k.count; }).map(function (k) {
      return t('pauses.kind', { name: label('pause', k.kind), count: k.count, service: hours(k.serviceHours),
        clock: hours(k.clockHours) });
    }).join(t('pauses.separator'));
    text($('pauses-summary'), t('pauses.summary', { count: pauses.count, tickets: pauses.tickets, kinds: kinds }));
  }

  function renderSurvey(survey) {
    text($('survey-summary'), t('survey.summary', { sent: survey.sent, answered: survey.answered,
      unanswered: survey.unanswered, open: survey.open, rate: percent(survey.responseRatePercent),
      average: survey.averageScore == null ? '–' : survey.averageScore.toFixed(2) }));
  }

  function renderBilling(billing) {
    var currency = billing.currency;
    text($('billing-summary'), t('billing.summary', {
      charged: billing.parts.charged.quantity, billed: money(billing.parts.charged.billed, currency),
      warranty: billing.parts.warranty.quantity, warrantyValue: money(billing.parts.warranty.listValue, currency),
      included: billing.parts.includedInRental.quantity, services: money(billing.services.charged.billed, currency) }));
  }

  function renderLoaners(loaners) {
    text($('loaners-summary'), t('loaners.summary', { lent: loaners.lent, returned: loaners.returned, out: loaners.out }));
    var body = $('table-loaners').tBodies[0];
    body.textContent = '';
    if (loaners.outNow.length === 0) {
      var empty = body.insertRow();
      var c = empty.insertCell();
      c.colSpan = 5;
      text(c, t('loaners.none'));
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
    // ECharts' own words (none shown now) in the page's language too
    if (!charts[id]) { charts[id] = window.echarts.init($(id), null, { locale: lang === 'zh-CN' ? 'ZH' : 'EN' }); }
    charts[id].setOption(option, true);
  }

  /** Each bar says its value, so that 0% is seen too. */
  var BAR_LABEL = { show: true, position: 'top', fontSize: 11, formatter: function (p) { return p.value + '%'; } };

  function complianceOption(title, kind, groups) {
    var value = function (v) { return v == null ? '-' : v; };
    return {
      title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v === '-' || v == null ? t('chart.noDeadline') : v + '%'; } },
      legend: { bottom: 0 },
      grid: { left: 40, right: 10, top: 36, bottom: 56 },
      xAxis: { type: 'category', data: groups.map(function (g) { return label(kind, g.key); }), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        { name: t('chart.responseMet'), type: 'bar', color: COLORS.response, label: BAR_LABEL,
          data: groups.map(function (g) { return value(g.response.metPercent); }) },
        { name: t('chart.resolutionMet'), type: 'bar', color: COLORS.resolution, label: BAR_LABEL,
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
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v === '-' ? '–' : t('chart.hours', { value: v }); } },
      legend: { bottom: 0 },
      grid: { left: 44, right: 10, top: 36, bottom: 56 },
      xAxis: { type: 'category', data: stats.map(function (s) { return label('severity', s.key); }) },
      yAxis: { type: 'value', name: t('chart.hoursAxis') },
      series: [
        serie(t('chart.mean'), function (s) { return s.clockHours.mean; }, COLORS.response),
        serie(t('chart.p90'), function (s) { return s.clockHours.p90; }, COLORS.response, true),
        serie(t('chart.serviceMean'), function (s) { return s.serviceHours.mean; }, COLORS.resolution),
        serie(t('chart.serviceP90'), function (s) { return s.serviceHours.p90; }, COLORS.resolution, true)
      ]
    };
  }

  function renderCharts(report) {
    var c = report.compliance;
    chart('chart-severity', complianceOption(t('chart.severity'), 'severity', c.bySeverity));
    chart('chart-channel', complianceOption(t('chart.channel'), 'channel', c.byChannel));
    chart('chart-technician', complianceOption(t('chart.technician'), 'technician', c.byTechnician));
    chart('chart-respond', timesOption(t('chart.respond'), report.times.respond));
    chart('chart-repair', timesOption(t('chart.repair'), report.times.repair));
    var scores = report.survey.scores;
    chart('chart-survey', {
      tooltip: { trigger: 'axis' },
      grid: { left: 36, right: 10, top: 16, bottom: 30 },
      xAxis: { type: 'category', data: ['1', '2', '3', '4', '5'], name: t('chart.score') },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: t('chart.answers'), type: 'bar', color: COLORS.response,
        data: ['1', '2', '3', '4', '5'].map(function (s) { return scores[s] || 0; }) }]
    });
    var parts = report.billing.byPart;
    var stacked = function (name, pick, color) {
      return { name: name, type: 'bar', stack: 'parts', color: color, data: parts.map(pick) };
    };
    chart('chart-parts', {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 36, right: 10, top: 16, bottom: 96 },
      // the parts' names, longer than their codes, cut to fit (the tooltip says them whole)
      xAxis: { type: 'category', data: parts.map(function (p) { return label('part', p.code); }),
        axisLabel: { rotate: 30, interval: 0, width: 130, overflow: 'truncate' } },
      yAxis: { type: 'value', minInterval: 1, name: t('chart.partsAxis') },
      series: [
        stacked(t('chart.charged'), function (p) { return p.charged; }, COLORS.charged),
        stacked(t('chart.warranty'), function (p) { return p.warranty; }, COLORS.warranty),
        stacked(t('chart.included'), function (p) { return p.includedInRental; }, COLORS.included)
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
    applyLanguage();
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
      if (!from) { fieldError('from', t('period.chooseFrom')); return; }
      if (to && to < from) { fieldError('from', t('period.fromAfterTo')); return; }
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
