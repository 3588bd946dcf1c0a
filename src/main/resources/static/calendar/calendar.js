/*
 * Managers' holiday calendar: the coverage of the official holiday notices, one year's holidays and make-up
 * workdays (official notice or provisional statutory holidays), entering or importing a year's notice, changing or
 * clearing single days, and the record of changes. Plain JavaScript; talks to /api/service-calendar on the same
 * origin with the staff login of this browser (/login/, as a manager). Everything the server sends is put on
 * the page as text (textContent), never as HTML.
 * The page speaks Simplified Chinese when the browser's first language (navigator.languages[0]) is Chinese, as
 * Camunda's Tasklist and Cockpit do, else English; a language chosen with the buttons 中文 / English is kept in
 * localStorage ('pos-staff-language', shared with the staff login and the report). The server's refusals and its
 * record of changes are in English: in Chinese the page says the ones it knows in its own words (serverText,
 * changeDetail), an unknown one as the server wrote it.
 */
(function () {
  'use strict';

  var API = '/api/service-calendar';
  var LOGIN = '/login/';
  var ZONE = 'Asia/Shanghai';
  /** The staff pages' language, as chosen here or on the staff login. */
  var LANG_KEY = 'pos-staff-language';
  /** Where this page kept the choice before. */
  var OLD_LANG_KEY = 'posCalendar.lang';
  var FIRST_YEAR = 2000;
  var LAST_YEAR = 2200;
  /** The first year whose statutory holidays the server knows (regulations in force since 2025). */
  var FIRST_STATUTORY_YEAR = 2025;
  var MAX_FILE_BYTES = 1024 * 1024;
  var MAX_LINE_ERRORS = 10;
  var CSV_HEADER = 'date,kind,name';

  var TEXT = {
    'en': {
      'app.pageTitle': 'Holiday calendar · POS terminal service',
      'app.title': 'Holiday calendar',
      'app.subtitle': 'Public holidays and make-up workdays of the service hours · for managers',
      'lang.label': 'Language',
      'nav.label': 'Applications',
      'nav.reports': 'Report',
      'common.loading': 'Loading…',
      'common.network': 'The service could not be reached. Check the connection and try again.',
      'common.server': 'Something went wrong on the server (error {status}). Please try again.',
      'common.login': 'You are not logged in. Log in as a manager, then this page opens again.',
      'common.loginLink': 'Log in',
      'common.forbidden': 'The holiday calendar is for managers only.',
      'common.formHasErrors': 'Please correct the marked fields.',
      'common.saving': 'Saving…',

      'coverage.title': 'Official notices entered',
      'coverage.OK': 'Official holidays entered until {until}.',
      'coverage.WARNING': 'The official holidays entered end on {until}. Please enter the State Council\'s holiday notice for {year}: until it is entered, {year} counts only the statutory holidays, provisionally, and deadlines in {year} may move later.',
      'coverage.EXPIRED': 'No official holiday notice has been entered for this year: the service hours count only the statutory holidays, provisionally. Please enter the State Council\'s holiday notice for {year}.',
      'coverage.go': 'Enter the notice for {year}',

      'year.title': 'Holiday calendar {year}',
      'year.label': 'Year',
      'year.show': 'Show',
      'year.prev': '‹ {year}',
      'year.prev.label': 'Previous year, {year}',
      'year.next': '{year} ›',
      'year.next.label': 'Next year, {year}',
      'year.invalid': 'Enter a year from {first} to {last}.',
      'year.official': 'Official notice',
      'year.officialDetail': '{notice} (entered by {by}, {at}).',
      'year.provisional': 'Provisional',
      'year.provisionalDetail': 'Statutory holidays only, no official notice yet. Deadlines on these days may move once the notice is entered.',
      'year.regularDetail': 'No official notice and no statutory holidays known for this year: only the regular week counts.',

      'days.caption': 'Holidays and make-up workdays of {year}',
      'days.date': 'Date',
      'days.weekday': 'Weekday',
      'days.kind': 'Kind',
      'days.name': 'Name',
      'days.actions': 'Change',
      'days.none': 'No holidays or make-up workdays.',
      'days.change': 'Change',
      'days.change.label': 'Change {date}',
      'days.clear': 'Clear',
      'days.clear.label': 'Clear {date}',
      'days.add': 'Set another day…',
      'days.noteOfficial': 'Change or clear single days with the buttons in the table (a correction, or a local day off); each change asks for a reason and is recorded.',
      'days.noteProvisional': 'Single days can be changed once the notice for {year} is entered.',
      'kind.HOLIDAY': 'Holiday',
      'kind.WORKDAY': 'Make-up workday',
      'kind.provisional': '{kind} (provisional)',

      'notice.enter': 'Enter the official notice for {year}',
      'notice.replace': 'Replace the official notice for {year}',
      'notice.intro': 'Paste the holidays and make-up workdays of the State Council\'s notice, one day a line, or import them from a CSV file. Saving replaces all days of {year}; the deadlines of running tickets are computed again (those already passed stay).',
      'notice.name': 'Notice',
      'notice.name.hint': 'Its title or number, 3 to 200 characters, e.g. 国务院办公厅关于2027年部分节假日安排的通知.',
      'notice.file': 'Import a CSV file',
      'notice.file.hint': 'A .csv file with lines date,kind,name (UTF-8). It is read into the box below, where you can check it before saving.',
      'notice.days': 'Days of the notice',
      'notice.days.hint': 'One day a line: date,kind,name, e.g. 2027-02-07,WORKDAY,春节 Spring Festival (make-up workday). Kind is HOLIDAY (a day off) or WORKDAY (a Saturday or Sunday worked). A first line date,kind,name and lines starting with # are skipped.',
      'notice.submit': 'Save the notice for {year}',
      'notice.reset': 'Start again from the days shown',
      'notice.fileRead': 'Read {lines} lines from {file}: check them, then save.',

      'day.setTitle': 'Change {date}',
      'day.addTitle': 'Set a day of {year}',
      'day.clearTitle': 'Clear {date}',
      'day.setIntro': 'The day counts as set here from now on; the deadlines of running tickets are computed again.',
      'day.addIntro': 'A holiday on a weekday (e.g. a local day off), or a make-up workday on a Saturday or Sunday.',
      'day.clearIntro': '{date} ({name}) becomes a regular day again: a working day from Monday to Friday, a day off on Saturday and Sunday.',
      'day.reason': 'Reason',
      'day.reason.hint': 'Why the day changes, 3 to 500 characters. It is recorded with your name.',
      'day.save': 'Save the day',
      'day.clear': 'Clear the day',
      'day.cancel': 'Cancel',

      'result.notice': 'The official notice for {year} is saved.',
      'result.set': '{date} is saved.',
      'result.clear': '{date} is a regular day again.',
      'result.moved.one': '1 ticket\'s deadlines moved ({deadlines} deadlines in all; {checked} running tickets checked).',
      'result.moved': '{moved} tickets\' deadlines moved ({deadlines} deadlines in all; {checked} running tickets checked).',

      'changes.title': 'Changes to {year}',
      'changes.none': 'No changes yet.',
      'changes.by': '{action} by {by}',
      'action.NOTICE_ENTERED': 'Notice entered',
      'action.NOTICE_REPLACED': 'Notice replaced',
      'action.DAY_SET': 'Day set',
      'action.DAY_CLEARED': 'Day cleared',
      'detail.notice': '{notice}: {holidays} holidays, {workdays} make-up workdays ({days})',
      'detail.noticeDay': '{date} {kind}',
      'detail.separator': ', ',
      'detail.set': '{date} {kind} \'{name}\': {reason}',
      'detail.clear': '{date}: {reason}',

      'v.required': 'Please fill in this field.',
      'v.notice': 'Name the notice: 3 to 200 characters.',
      'v.reason': 'Give the reason: 3 to 500 characters.',
      'v.name': 'Name the day: up to 100 characters.',
      'v.date': 'Choose a date in {year}.',
      'v.noDays': 'Enter the days of the notice, one a line: date,kind,name.',
      'v.lineFormat': 'Line {line}: write date,kind,name (e.g. 2027-01-01,HOLIDAY,元旦 New Year\'s Day).',
      'v.lineDate': 'Line {line}: “{value}” is not a date YYYY-MM-DD.',
      'v.lineYear': 'Line {line}: {value} is not in {year}.',
      'v.lineKind': 'Line {line}: the kind must be HOLIDAY or WORKDAY, not “{value}”.',
      'v.lineName': 'Line {line}: the name is required (up to 100 characters).',
      'v.lineTwice': 'Line {line}: {value} is listed twice.',
      'v.moreErrors': '… and {n} more.',
      'v.line': 'Line {line}: {message}',
      'v.server': 'Not accepted: {message}',
      'v.file': 'The file could not be read.',
      'v.fileSize': 'The file is too large (at most 1 MB).',

      'footer.zone': 'Dates are days of the service region (Beijing time).',
      'footer.json': 'The same data as JSON:'
    },

    'zh-CN': {
      'app.pageTitle': '节假日日历 · POS 终端售后服务',
      'app.title': '节假日日历',
      'app.subtitle': '服务时间的法定节假日与调休上班日 · 管理人员使用',
      'lang.label': '语言',
      'nav.label': '应用',
      'nav.reports': '报表',
      'common.loading': '正在加载…',
      'common.network': '无法连接服务，请检查网络后重试。',
      'common.server': '服务器出错（错误 {status}），请重试。',
      'common.login': '您尚未登录。请以管理人员身份登录，登录后将回到此页面。',
      'common.loginLink': '登录',
      'common.forbidden': '节假日日历仅供管理人员使用。',
      'common.formHasErrors': '请更正标出的字段。',
      'common.saving': '正在保存…',

      'coverage.title': '已录入的官方通知',
      'coverage.OK': '官方节假日安排已录入至 {until}。',
      'coverage.WARNING': '已录入的官方节假日安排至 {until} 结束。请录入国务院办公厅 {year} 年节假日安排通知：录入之前，{year} 年仅按法定节假日暂定计算，{year} 年的时限之后可能调整。',
      'coverage.EXPIRED': '今年尚未录入官方节假日安排通知：服务时间仅按法定节假日暂定计算。请录入国务院办公厅 {year} 年节假日安排通知。',
      'coverage.go': '录入 {year} 年通知',

      'year.title': '{year} 年节假日安排',
      'year.label': '年份',
      'year.show': '显示',
      'year.prev': '‹ {year}',
      'year.prev.label': '上一年，{year} 年',
      'year.next': '{year} ›',
      'year.next.label': '下一年，{year} 年',
      'year.invalid': '请输入 {first} 至 {last} 之间的年份。',
      'year.official': '官方通知',
      'year.officialDetail': '{notice}（由 {by} 于 {at} 录入）。',
      'year.provisional': '暂定',
      'year.provisionalDetail': '仅含法定节假日，尚未录入官方通知。录入通知后，落在这些日期上的时限可能调整。',
      'year.regularDetail': '没有官方通知，也没有该年的法定节假日数据：仅按常规工作周计算。',

      'days.caption': '{year} 年节假日与调休上班日',
      'days.date': '日期',
      'days.weekday': '星期',
      'days.kind': '类型',
      'days.name': '名称',
      'days.actions': '修改',
      'days.none': '没有节假日或调休上班日。',
      'days.change': '修改',
      'days.change.label': '修改 {date}',
      'days.clear': '清除',
      'days.clear.label': '清除 {date}',
      'days.add': '设置其他日期…',
      'days.noteOfficial': '可用表格中的按钮修改或清除单个日期（更正或地方性放假）；每次修改都需填写原因并会被记录。',
      'days.noteProvisional': '录入 {year} 年通知后，才能修改单个日期。',
      'kind.HOLIDAY': '放假',
      'kind.WORKDAY': '调休上班',
      'kind.provisional': '{kind}（暂定）',

      'notice.enter': '录入 {year} 年官方通知',
      'notice.replace': '替换 {year} 年官方通知',
      'notice.intro': '粘贴国务院办公厅通知中的放假日和调休上班日，每行一天，或从 CSV 文件导入。保存后将替换 {year} 年的全部日期，并重新计算进行中工单的时限（已过的时限不变）。',
      'notice.name': '通知',
      'notice.name.hint': '通知标题或文号，3 至 200 个字符，例如：国务院办公厅关于2027年部分节假日安排的通知。',
      'notice.file': '导入 CSV 文件',
      'notice.file.hint': '每行为 date,kind,name 的 .csv 文件（UTF-8）。文件内容会读入下方文本框，保存前可以检查。',
      'notice.days': '通知中的日期',
      'notice.days.hint': '每行一天：date,kind,name，例如 2027-02-07,WORKDAY,春节 Spring Festival (make-up workday)。kind 为 HOLIDAY（放假）或 WORKDAY（周六或周日上班）。首行 date,kind,name 及以 # 开头的行会被跳过。',
      'notice.submit': '保存 {year} 年通知',
      'notice.reset': '按当前显示的日期重新开始',
      'notice.fileRead': '已从 {file} 读取 {lines} 行：请检查后保存。',

      'day.setTitle': '修改 {date}',
      'day.addTitle': '设置 {year} 年的日期',
      'day.clearTitle': '清除 {date}',
      'day.setIntro': '此后该日期按这里的设置计算；进行中工单的时限将重新计算。',
      'day.addIntro': '工作日放假（例如地方性放假），或周六、周日调休上班。',
      'day.clearIntro': '{date}（{name}）恢复为普通日期：周一至周五上班，周六、周日休息。',
      'day.reason': '原因',
      'day.reason.hint': '修改原因，3 至 500 个字符，将与您的用户名一起记录。',
      'day.save': '保存',
      'day.clear': '清除该日期',
      'day.cancel': '取消',

      'result.notice': '{year} 年官方通知已保存。',
      'result.set': '{date} 已保存。',
      'result.clear': '{date} 已恢复为普通日期。',
      'result.moved.one': '已调整 1 张工单的时限（共 {deadlines} 个时限；检查了 {checked} 张进行中的工单）。',
      'result.moved': '已调整 {moved} 张工单的时限（共 {deadlines} 个时限；检查了 {checked} 张进行中的工单）。',

      'changes.title': '{year} 年变更记录',
      'changes.none': '暂无变更。',
      'changes.by': '{by}：{action}',
      'action.NOTICE_ENTERED': '录入通知',
      'action.NOTICE_REPLACED': '替换通知',
      'action.DAY_SET': '设置日期',
      'action.DAY_CLEARED': '清除日期',
      'detail.notice': '{notice}：放假 {holidays} 天，调休上班 {workdays} 天（{days}）',
      'detail.noticeDay': '{date} {kind}',
      'detail.separator': '，',
      'detail.set': '{date} {kind}“{name}”：{reason}',
      'detail.clear': '{date}：{reason}',

      'server.notice': '请填写通知名称（3 至 200 个字符），例如通知的文号和日期。',
      'server.daysRequired': '请填写通知中的放假日和调休上班日。',
      'server.noHoliday': '通知中应有放假日，但没有填写。',
      'server.notInNotice': '{date} 不是 {year} 年通知中的放假日或调休上班日。',
      'server.dateRequired': '请填写日期（YYYY-MM-DD）。',
      'server.notInYear': '{date} 不在 {year} 年。',
      'server.kindRequired': '请填写类型：HOLIDAY（放假）或 WORKDAY（调休上班）。',
      'server.twice': '{date} 重复出现。',
      'server.weekday': '{date} 是{weekday}，本来就是工作日：调休上班日只能在周六或周日。',
      'server.name': '请填写名称（最多 100 个字符），例如：春节 Spring Festival。',
      'server.noNotice': '{year} 年尚未录入官方通知：请先录入通知。',
      'server.reason': '请填写修改原因（3 至 500 个字符）。',
      'server.year': '年份必须在 {first} 至 {last} 之间，而不是 {year}。',
      'server.notADate': '“{value}”不是 YYYY-MM-DD 格式的日期。',
      'server.notAKind': '类型应为 HOLIDAY 或 WORKDAY，而不是“{value}”。',
      'server.forbidden': '只有 {groups} 组的成员可以使用节假日日历。',
      'server.csrf': '页面的会话已失效，请刷新页面后重试。',

      'v.required': '请填写此项。',
      'v.notice': '请填写通知名称：3 至 200 个字符。',
      'v.reason': '请填写原因：3 至 500 个字符。',
      'v.name': '请填写名称：最多 100 个字符。',
      'v.date': '请选择 {year} 年内的日期。',
      'v.noDays': '请填写通知中的日期，每行一天：date,kind,name。',
      'v.lineFormat': '第 {line} 行：格式应为 date,kind,name（例如 2027-01-01,HOLIDAY,元旦 New Year\'s Day）。',
      'v.lineDate': '第 {line} 行：“{value}”不是 YYYY-MM-DD 格式的日期。',
      'v.lineYear': '第 {line} 行：{value} 不在 {year} 年。',
      'v.lineKind': '第 {line} 行：类型应为 HOLIDAY 或 WORKDAY，而不是“{value}”。',
      'v.lineName': '第 {line} 行：名称必填（最多 100 个字符）。',
      'v.lineTwice': '第 {line} 行：{value} 重复出现。',
      'v.moreErrors': '……另有 {n} 处。',
      'v.line': '第 {line} 行：{message}',
      'v.server': '未被接受：{message}',
      'v.file': '无法读取该文件。',
      'v.fileSize': '文件过大（最大 1 MB）。',

      'footer.zone': '日期均为服务地区（北京时间）的日期。',
      'footer.json': '同样的数据（JSON）：'
    }
  };

  // ---------------------------------------------------------------- state

  var state = {
    year: null,
    coverage: null,
    view: null,
    changes: null,
    loadError: null,
    /** What the user typed into the notice form, per year, until it is saved. */
    drafts: {},
    formYear: null,
    noticeErrors: {},
    noticeStatus: null,
    noticeBusy: false,
    fileInfo: null,
    /** The outcome of the last change: {year, type, date, recalculation}. */
    result: null,
    dialog: null,
    dayErrors: {},
    dayStatus: null,
    dayBusy: false,
    yearError: null,
    focusAfterLoad: null
  };
  var loadSequence = 0;

  /**
   * The server's refusals (CalendarNotices, CalendarController, the staff security), each with the text that says it
   * in Chinese and the names of its values.
   */
  var SERVER_MESSAGES = [
    { pattern: /^must name the notice \(3 to 200 characters\)/, key: 'server.notice' },
    { pattern: /^is required: the holidays and make-up workdays of the notice/, key: 'server.daysRequired' },
    { pattern: /^a notice has holidays; none were given/, key: 'server.noHoliday' },
    { pattern: /^(\d{4}-\d{2}-\d{2}) is not a holiday or make-up workday of the (\d+) notice/, key: 'server.notInNotice',
      names: ['date', 'year'] },
    { pattern: /^is required \(YYYY-MM-DD\)/, key: 'server.dateRequired' },
    { pattern: /^(\d{4}-\d{2}-\d{2}) is not in (-?\d+)$/, key: 'server.notInYear', names: ['date', 'year'] },
    { pattern: /^is required: HOLIDAY or WORKDAY/, key: 'server.kindRequired' },
    { pattern: /^(\d{4}-\d{2}-\d{2}) is listed twice/, key: 'server.twice', names: ['date'] },
    { pattern: /^(\d{4}-\d{2}-\d{2}) is a [A-Z]+, a regular workday/, key: 'server.weekday', names: ['date'] },
    { pattern: /^is required \(up to 100 characters\)/, key: 'server.name' },
    { pattern: /^the year (\d+) has no official notice yet/, key: 'server.noNotice', names: ['year'] },
    { pattern: /^is required \(3 to 500 characters\)/, key: 'server.reason' },
    { pattern: /^must be between (\d+) and (\d+), not (-?\d+)/, key: 'server.year', names: ['first', 'last', 'year'] },
    { pattern: /^'([\s\S]*)' is not a date YYYY-MM-DD$/, key: 'server.notADate', names: ['value'] },
    { pattern: /^must be HOLIDAY or WORKDAY, not '([\s\S]*)'$/, key: 'server.notAKind', names: ['value'] },
    { pattern: /^Only members of the groups (.+) may use the holiday calendar/, key: 'server.forbidden', names: ['groups'] },
    { pattern: /^A change with the web session must send the session's CSRF token/, key: 'server.csrf' }
  ];

  // ---------------------------------------------------------------- language

  var lang = initialLanguage();

  function initialLanguage() {
    try {
      var saved = window.localStorage.getItem(LANG_KEY) || window.localStorage.getItem(OLD_LANG_KEY);
      if (saved && Object.prototype.hasOwnProperty.call(TEXT, saved)) {
        return saved;
      }
    } catch (e) { /* storage may be blocked */ }
    var first = (navigator.languages && navigator.languages[0]) || navigator.language || '';
    return /^zh/i.test(first) ? 'zh-CN' : 'en';
  }

  function setLanguage(next) {
    if (!TEXT[next] || next === lang) {
      return;
    }
    lang = next;
    try {
      window.localStorage.setItem(LANG_KEY, next);
    } catch (e) { /* storage may be blocked */ }
    applyLanguage();
  }

  function t(key, params) {
    var text = TEXT[lang][key];
    if (text === undefined) {
      text = TEXT.en[key];
    }
    if (text === undefined) {
      return key;
    }
    return text.replace(/\{(\w+)\}/g, function (all, name) {
      return params && params[name] !== undefined && params[name] !== null ? String(params[name]) : all;
    });
  }

  /**
   * A message to show: a text key with its values, or the server's words ({server}), or both (the key's {message} is
   * the server's words); the server's words as serverText says them.
   */
  function say(message) {
    if (!message) {
      return '';
    }
    var server = message.server === undefined ? undefined : serverText(message.server);
    if (message.key) {
      var params = {};
      Object.keys(message.params || {}).forEach(function (name) { params[name] = message.params[name]; });
      if (server !== undefined) {
        params.message = server;
      }
      return t(message.key, params);
    }
    return server !== undefined ? server : String(message.message || '');
  }

  /** The server's (English) refusal in the page's language: in Chinese the page's text for a known one. */
  function serverText(message) {
    var words = message == null ? '' : String(message);
    if (lang === 'en') {
      return words;
    }
    for (var i = 0; i < SERVER_MESSAGES.length; i++) {
      var known = SERVER_MESSAGES[i];
      var match = known.pattern.exec(words);
      if (match) {
        var params = {};
        (known.names || []).forEach(function (name, index) { params[name] = match[index + 1]; });
        if (params.date) {
          params.weekday = weekday(params.date);
        }
        return t(known.key, params);
      }
    }
    return words;
  }

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.title = t('app.pageTitle');
    each('[data-i18n]', function (el) {
      el.textContent = t(el.getAttribute('data-i18n'));
    });
    each('[data-i18n-attr]', function (el) {
      el.getAttribute('data-i18n-attr').split(';').forEach(function (pair) {
        var parts = pair.split(':');
        el.setAttribute(parts[0].trim(), t(parts[1].trim()));
      });
    });
    each('.lang-button', function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-lang') === lang));
    });
    renderAll();
  }

  // ---------------------------------------------------------------- helpers

  function $(id) {
    return document.getElementById(id);
  }

  function each(selector, fn) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), fn);
  }

  function text(element, value) {
    element.textContent = value == null ? '' : String(value);
  }

  function el(tag, className, content) {
    var element = document.createElement(tag);
    if (className) {
      element.className = className;
    }
    if (content != null) {
      element.textContent = String(content);
    }
    return element;
  }

  function pad(n) {
    return (n < 10 ? '0' : '') + n;
  }

  /** This year in the service region (the page may run in another time zone). */
  function currentYear() {
    try {
      return Number(new Intl.DateTimeFormat('en-US', { timeZone: ZONE, year: 'numeric' }).format(new Date()));
    } catch (e) {
      return new Date().getFullYear();
    }
  }

  /** An instant ("2026-11-25T02:00:00Z") as the service region's "2026-11-25 10:00". */
  function localTime(iso) {
    if (!iso) {
      return '';
    }
    var date = new Date(iso);
    if (isNaN(date.getTime())) {
      return String(iso);
    }
    try {
      var parts = {};
      new Intl.DateTimeFormat('en-US', {
        timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
      }).formatToParts(date).forEach(function (part) { parts[part.type] = part.value; });
      return parts.year + '-' + parts.month + '-' + parts.day + ' ' + parts.hour + ':' + parts.minute;
    } catch (e) {
      return date.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
    }
  }

  var weekdayFormats = {};

  function weekday(day) {
    var date = new Date(day + 'T00:00:00Z');
    if (isNaN(date.getTime())) {
      return '';
    }
    if (!weekdayFormats[lang]) {
      weekdayFormats[lang] = new Intl.DateTimeFormat(lang === 'zh-CN' ? 'zh-CN' : 'en-GB', { weekday: 'long', timeZone: 'UTC' });
    }
    return weekdayFormats[lang].format(date);
  }

  /** Whether "yyyy-MM-dd" is a real day. */
  function validDate(value) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      return false;
    }
    var date = new Date(value + 'T00:00:00Z');
    return !isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }

  function kindLabel(kind) {
    return TEXT.en['kind.' + kind] !== undefined ? t('kind.' + kind) : String(kind);
  }

  // ---------------------------------------------------------------- requests

  /**
   * Sends a request with this browser's staff login; a change carries the session's CSRF token (GET /api/session).
   * Answers {status, body} (status 0: not reached).
   */
  function request(method, url, body, contentType) {
    var headers = { 'Accept': 'application/json' };
    var options = { method: method, headers: headers, credentials: 'same-origin' };
    if (body !== undefined) {
      headers['Content-Type'] = contentType || 'application/json';
      options.body = contentType ? body : JSON.stringify(body);
    }
    var ready = method === 'GET' ? Promise.resolve() : fetch('/api/session', { headers: { 'Accept': 'application/json' },
      credentials: 'same-origin' }).then(function (response) { return response.json(); }).then(function (session) {
      if (session.csrf) {
        headers[session.csrf.header] = session.csrf.token;
      }
    });
    return ready.then(function () { return fetch(url, options); }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        return { status: response.status, body: json || {} };
      });
    }, function () {
      return { status: 0, body: {} };
    });
  }

  /** The message for an answer that is neither a success nor a refused value (400). */
  function failure(answer) {
    if (answer.status === 0) {
      return { key: 'common.network' };
    }
    if (answer.status === 401) {
      return { key: 'common.login', login: true };
    }
    if (answer.status === 403) {
      return answer.body && answer.body.message ? { server: answer.body.message } : { key: 'common.forbidden' };
    }
    return { key: 'common.server', params: { status: answer.status } };
  }

  /** Shows a message in an element, with the link to the staff login when it is about the login. */
  function showMessage(element, message) {
    element.textContent = '';
    if (!message) {
      return;
    }
    element.appendChild(document.createTextNode(say(message)));
    if (message.login) {
      element.appendChild(document.createTextNode(' '));
      var a = el('a', null, t('common.loginLink'));
      a.href = LOGIN + '?next=' + encodeURIComponent(window.location.pathname);
      element.appendChild(a);
    }
  }

  // ---------------------------------------------------------------- loading

  function yearFromHash() {
    var match = /(?:^|[#&])year=(\d{4})(?:&|$)/.exec(window.location.hash || '');
    var year = match ? Number(match[1]) : NaN;
    return year >= FIRST_YEAR && year <= LAST_YEAR ? year : null;
  }

  /** Shows a year: through the address (#year=2027), so that the browser's back button and bookmarks work. */
  function go(year) {
    if (window.location.hash === '#year=' + year) {
      load(year);
    } else {
      window.location.hash = 'year=' + year;
    }
  }

  function load(year) {
    var sequence = ++loadSequence;
    if (state.year !== year) {
      state.result = null;
    }
    state.year = year;
    state.yearError = null;
    renderYearError();
    if (!state.view) {
      showStatus('', { key: 'common.loading' });
    }
    $('content').setAttribute('aria-busy', 'true');
    Promise.all([
      request('GET', API),
      request('GET', API + '/' + year),
      request('GET', API + '/changes?year=' + year)
    ]).then(function (answers) {
      if (sequence !== loadSequence) {
        return;
      }
      $('content').removeAttribute('aria-busy');
      for (var i = 0; i < answers.length; i++) {
        if (answers[i].status !== 200) {
          var answer = answers[i];
          if (answer.status === 400 && state.view) {
            state.yearError = { server: answer.body.message || '' };
            renderYearError();
            return;
          }
          state.loadError = answer.status === 400 ? { key: 'v.server', server: answer.body.message } : failure(answer);
          $('content').hidden = true;
          showStatus('error', state.loadError);
          return;
        }
      }
      state.loadError = null;
      state.coverage = answers[0].body;
      state.view = answers[1].body;
      state.changes = answers[2].body;
      if (state.formYear !== year || !state.drafts[year]) {
        fillNoticeForm();
      }
      $('status').hidden = true;
      $('content').hidden = false;
      renderAll();
      var focus = state.focusAfterLoad;
      state.focusAfterLoad = null;
      if (focus && $(focus)) {
        $(focus).focus();
      }
    });
  }

  function showStatus(kind, message) {
    var status = $('status');
    status.className = 'notice' + (kind ? ' notice-' + kind : '');
    showMessage(status, message);
    status.hidden = false;
  }

  // ---------------------------------------------------------------- rendering

  function renderAll() {
    if (state.loadError) {
      showStatus('error', state.loadError);
    } else if (!state.view) {
      showStatus('', { key: 'common.loading' });
    }
    if (!state.view || !state.coverage) {
      return;
    }
    renderCoverage();
    renderYear();
    renderResult();
    renderNoticeForm();
    renderChanges();
    renderYearError();
    if (state.dialog) {
      renderDialog();
    }
  }

  function renderCoverage() {
    var coverage = state.coverage;
    var box = $('coverage');
    var button = $('coverage-go');
    var kind = coverage.state === 'OK' ? 'ok' : coverage.state === 'WARNING' ? 'warn' : 'error';
    box.className = 'notice coverage notice-' + kind;
    box.setAttribute('data-state', coverage.state);
    text($('coverage-text'), t('coverage.' + coverage.state, { until: coverage.officialUntil, year: coverage.yearNeeded }));
    button.hidden = coverage.state === 'OK' || coverage.yearNeeded === state.year;
    text(button, t('coverage.go', { year: coverage.yearNeeded }));
  }

  function renderYear() {
    var view = state.view;
    var year = view.year;
    text($('year-title'), t('year.title', { year: year }));
    $('f-year').value = String(year);
    navButton($('year-prev'), year - 1, 'year.prev');
    navButton($('year-next'), year + 1, 'year.next');
    $('json-link').href = API + '/' + year;
    text($('json-link'), API + '/' + year);

    var source = $('year-source');
    source.textContent = '';
    source.className = 'source ' + (view.official ? 'source-official' : 'source-provisional');
    source.appendChild(el('strong', 'badge', t(view.official ? 'year.official' : 'year.provisional')));
    source.appendChild(document.createTextNode(' '));
    if (view.official) {
      source.appendChild(document.createTextNode(t('year.officialDetail',
        { notice: view.notice, by: view.enteredBy, at: localTime(view.enteredAt) })));
    } else {
      source.appendChild(document.createTextNode(t(year >= FIRST_STATUTORY_YEAR ? 'year.provisionalDetail' : 'year.regularDetail')));
    }

    text($('days-caption'), t('days.caption', { year: year }));
    $('days-actions-head').hidden = !view.official;
    var body = $('days').tBodies[0];
    body.textContent = '';
    if (!view.days || view.days.length === 0) {
      var empty = body.insertRow();
      var cell = empty.insertCell();
      cell.colSpan = view.official ? 5 : 4;
      text(cell, t('days.none'));
    } else {
      view.days.forEach(function (day) { body.appendChild(dayRow(day, view.official)); });
    }
    $('day-add').hidden = !view.official;
    text($('days-note'), view.official ? t('days.noteOfficial') : t('days.noteProvisional', { year: year }));
  }

  function navButton(button, year, key) {
    var inRange = year >= FIRST_YEAR && year <= LAST_YEAR;
    button.disabled = !inRange;
    text(button, t(key, { year: year }));
    button.setAttribute('aria-label', t(key + '.label', { year: year }));
    button.setAttribute('data-year', String(year));
  }

  function dayRow(day, official) {
    var row = el('tr', 'day day-' + String(day.kind).toLowerCase());
    row.setAttribute('data-date', day.date);
    var date = el('th', null, day.date);
    date.scope = 'row';
    row.appendChild(date);
    row.appendChild(el('td', 'weekday', weekday(day.date)));
    var kind = el('td', 'kind');
    var label = official ? kindLabel(day.kind) : t('kind.provisional', { kind: kindLabel(day.kind) });
    kind.appendChild(el('span', 'kind-badge kind-' + String(day.kind).toLowerCase() + (official ? '' : ' provisional'), label));
    row.appendChild(kind);
    row.appendChild(el('td', 'name', day.name));
    if (official) {
      var actions = el('td', 'row-actions');
      var change = el('button', 'button small', t('days.change'));
      change.type = 'button';
      change.setAttribute('aria-label', t('days.change.label', { date: day.date }));
      change.setAttribute('data-action', 'change');
      change.addEventListener('click', function () { openDialog('set', day, change); });
      var clear = el('button', 'button small', t('days.clear'));
      clear.type = 'button';
      clear.setAttribute('aria-label', t('days.clear.label', { date: day.date }));
      clear.setAttribute('data-action', 'clear');
      clear.addEventListener('click', function () { openDialog('clear', day, clear); });
      actions.appendChild(change);
      actions.appendChild(clear);
      row.appendChild(actions);
    }
    return row;
  }

  function renderResult() {
    var box = $('year-result');
    var result = state.result;
    box.textContent = '';
    if (!result || result.year !== state.year) {
      box.hidden = true;
      return;
    }
    var done = result.type === 'notice' ? t('result.notice', { year: result.year })
      : t(result.type === 'clear' ? 'result.clear' : 'result.set', { date: result.date });
    var r = result.recalculation || { ticketsChecked: 0, ticketsMoved: 0, deadlinesMoved: 0 };
    var moved = t(r.ticketsMoved === 1 ? 'result.moved.one' : 'result.moved',
      { moved: r.ticketsMoved, deadlines: r.deadlinesMoved, checked: r.ticketsChecked });
    box.appendChild(el('strong', null, done));
    box.appendChild(document.createTextNode(' '));
    box.appendChild(el('span', 'moved', moved));
    box.hidden = false;
  }

  function renderYearError() {
    var error = state.yearError;
    text($('err-year'), say(error));
    if (error) {
      $('f-year').setAttribute('aria-invalid', 'true');
    } else {
      $('f-year').removeAttribute('aria-invalid');
    }
  }

  function renderChanges() {
    var year = state.view.year;
    text($('changes-title'), t('changes.title', { year: year }));
    var list = $('changes');
    list.textContent = '';
    (state.changes || []).forEach(function (change) {
      var item = el('li', 'change');
      item.setAttribute('data-action', change.action);
      var head = el('div', 'change-head');
      var time = el('time', 'change-at', localTime(change.at));
      time.setAttribute('datetime', change.at);
      head.appendChild(time);
      head.appendChild(document.createTextNode(' · '));
      var action = TEXT.en['action.' + change.action] !== undefined ? t('action.' + change.action) : change.action;
      head.appendChild(el('span', 'change-what', t('changes.by', { action: action, by: change.by })));
      item.appendChild(head);
      item.appendChild(el('p', 'change-detail', changeDetail(change)));
      list.appendChild(item);
    });
    $('changes-empty').hidden = (state.changes || []).length > 0;
  }

  /**
   * The server's record of a change ("<notice>: 4 holidays, 1 make-up workdays (2027-01-01 HOLIDAY, ...)",
   * "2027-10-01 HOLIDAY '<name>': <reason>", "2027-10-01: <reason>") in the page's language, the kinds as words; a
   * detail of another form as the server wrote it.
   */
  function changeDetail(change) {
    var detail = change.detail == null ? '' : String(change.detail);
    var match;
    if (change.action === 'NOTICE_ENTERED' || change.action === 'NOTICE_REPLACED') {
      match = /^([\s\S]*): (\d+) holidays, (\d+) make-up workdays \(([^()]*)\)$/.exec(detail);
      if (match) {
        var days = match[4].split(', ');
        var named = days.map(function (day) {
          var parts = /^(\d{4}-\d{2}-\d{2}) ([A-Z]+)$/.exec(day);
          return parts ? t('detail.noticeDay', { date: parts[1], kind: kindLabel(parts[2]) }) : day;
        });
        return t('detail.notice', { notice: match[1], holidays: match[2], workdays: match[3],
          days: named.join(t('detail.separator')) });
      }
    } else if (change.action === 'DAY_SET') {
      match = /^(\d{4}-\d{2}-\d{2}) ([A-Z]+) '([\s\S]*?)': ([\s\S]*)$/.exec(detail);
      if (match) {
        return t('detail.set', { date: match[1], kind: kindLabel(match[2]), name: match[3], reason: match[4] });
      }
    } else if (change.action === 'DAY_CLEARED') {
      match = /^(\d{4}-\d{2}-\d{2}): ([\s\S]*)$/.exec(detail);
      if (match) {
        return t('detail.clear', { date: match[1], reason: match[2] });
      }
    }
    return detail;
  }

  // ---------------------------------------------------------------- the notice form

  function csvOf(days) {
    var lines = [CSV_HEADER];
    (days || []).forEach(function (day) {
      var name = String(day.name == null ? '' : day.name);
      if (/^".*"$/.test(name)) {
        name = '"' + name.replace(/"/g, '""') + '"';
      }
      lines.push(day.date + ',' + day.kind + ',' + name);
    });
    return lines.join('\n') + '\n';
  }

  /** Fills the form with the year's draft, else with the days shown (to edit them). */
  function fillNoticeForm() {
    var year = state.year;
    var draft = state.drafts[year];
    state.formYear = year;
    state.noticeErrors = {};
    state.noticeStatus = null;
    state.fileInfo = null;
    $('f-file').value = '';
    if (draft) {
      $('f-notice').value = draft.notice;
      $('f-days').value = draft.text;
    } else {
      $('f-notice').value = state.view.official ? state.view.notice || '' : '';
      $('f-days').value = csvOf(state.view.days);
    }
  }

  function keepDraft() {
    if (state.formYear !== null) {
      state.drafts[state.formYear] = { notice: $('f-notice').value, text: $('f-days').value };
    }
  }

  function renderNoticeForm() {
    var year = state.formYear;
    var official = state.view && state.view.year === year && state.view.official;
    text($('notice-title'), t(official ? 'notice.replace' : 'notice.enter', { year: year }));
    text($('notice-intro'), t('notice.intro', { year: year }));
    $('f-notice').placeholder = lang === 'zh-CN' ? '国务院办公厅关于' + year + '年部分节假日安排的通知'
      : 'State Council notice on the ' + year + ' public holidays';
    var submit = $('notice-submit');
    text(submit, state.noticeBusy ? t('common.saving') : t('notice.submit', { year: year }));
    submit.disabled = state.noticeBusy;
    ['notice', 'days', 'file'].forEach(function (field) {
      renderFieldError('err-' + field, 'f-' + field, state.noticeErrors[field]);
    });
    showMessage($('notice-status'), state.noticeStatus);
    text($('file-info'), state.fileInfo ? t('notice.fileRead', state.fileInfo) : '');
  }

  function renderFieldError(errorId, inputId, errors) {
    var list = errors ? [].concat(errors) : [];
    text($(errorId), list.map(say).join('\n'));
    if (list.length) {
      $(inputId).setAttribute('aria-invalid', 'true');
    } else {
      $(inputId).removeAttribute('aria-invalid');
    }
  }

  /**
   * The lines "date,kind,name" as days, with the line each came from; or the mistakes found (the server checks the
   * rest: make-up workdays on weekends, at least one holiday).
   */
  function parseDays(source, year) {
    var days = [];
    var lines = [];
    var errors = [];
    var seen = {};
    var first = true;
    String(source).replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).forEach(function (raw, index) {
      var number = index + 1;
      var line = raw.trim();
      if (!line || line.charAt(0) === '#') {
        return;
      }
      if (first && /^date\b/i.test(line)) {
        first = false;
        return;
      }
      first = false;
      var separator = line.indexOf(',') < 0 && line.indexOf('\t') >= 0 ? '\t' : ',';
      var one = line.indexOf(separator);
      var two = one < 0 ? -1 : line.indexOf(separator, one + 1);
      if (two < 0) {
        errors.push({ key: 'v.lineFormat', params: { line: number } });
        return;
      }
      var date = line.slice(0, one).trim();
      var kind = line.slice(one + 1, two).trim().toUpperCase();
      var name = line.slice(two + 1).trim();
      if (name.length >= 2 && name.charAt(0) === '"' && name.charAt(name.length - 1) === '"') {
        name = name.slice(1, -1).replace(/""/g, '"');
      }
      if (!validDate(date)) {
        errors.push({ key: 'v.lineDate', params: { line: number, value: date } });
      } else if (Number(date.slice(0, 4)) !== year) {
        errors.push({ key: 'v.lineYear', params: { line: number, value: date, year: year } });
      } else if (seen[date]) {
        errors.push({ key: 'v.lineTwice', params: { line: number, value: date } });
      }
      if (kind !== 'HOLIDAY' && kind !== 'WORKDAY') {
        errors.push({ key: 'v.lineKind', params: { line: number, value: line.slice(one + 1, two).trim() } });
      }
      if (!name || name.length > 100) {
        errors.push({ key: 'v.lineName', params: { line: number } });
      }
      seen[date] = true;
      days.push({ date: date, kind: kind, name: name });
      lines.push(number);
    });
    if (!errors.length && !days.length) {
      errors.push({ key: 'v.noDays' });
    }
    if (errors.length > MAX_LINE_ERRORS) {
      var more = errors.length - MAX_LINE_ERRORS;
      errors = errors.slice(0, MAX_LINE_ERRORS).concat([{ key: 'v.moreErrors', params: { n: more } }]);
    }
    return { days: days, lines: lines, errors: errors };
  }

  function submitNotice(event) {
    event.preventDefault();
    if (state.noticeBusy) {
      return;
    }
    var year = state.formYear;
    var notice = $('f-notice').value.trim();
    var parsed = parseDays($('f-days').value, year);
    state.noticeErrors = {};
    state.noticeStatus = null;
    if (notice.length < 3 || notice.length > 200) {
      state.noticeErrors.notice = { key: notice ? 'v.notice' : 'v.required' };
    }
    if (parsed.errors.length) {
      state.noticeErrors.days = parsed.errors;
    }
    if (state.noticeErrors.notice || state.noticeErrors.days) {
      state.noticeStatus = { key: 'common.formHasErrors' };
      renderNoticeForm();
      $(state.noticeErrors.notice ? 'f-notice' : 'f-days').focus();
      return;
    }
    state.noticeBusy = true;
    renderNoticeForm();
    request('PUT', API + '/' + year, { notice: notice, days: parsed.days }).then(function (answer) {
      state.noticeBusy = false;
      if (answer.status === 200) {
        delete state.drafts[year];
        state.result = { year: year, type: 'notice', recalculation: answer.body.recalculation };
        state.formYear = null;
        state.focusAfterLoad = 'year-title';
        load(year);
        return;
      }
      if (answer.status === 400) {
        var field = String(answer.body.field || '');
        var message = answer.body.message || '';
        var line = /^days\[(\d+)\]/.exec(field);
        if (field === 'notice') {
          state.noticeErrors.notice = { server: message };
        } else if (line && parsed.lines[Number(line[1])] !== undefined) {
          state.noticeErrors.days = { key: 'v.line', params: { line: parsed.lines[Number(line[1])] }, server: message };
        } else if (field !== 'year') {
          state.noticeErrors.days = { server: message };
        }
        state.noticeStatus = { key: 'v.server', server: message };
        renderNoticeForm();
        $(field === 'notice' ? 'f-notice' : 'f-days').focus();
        return;
      }
      state.noticeStatus = failure(answer);
      renderNoticeForm();
    });
  }

  function readFile() {
    var input = $('f-file');
    var file = input.files && input.files[0];
    state.noticeErrors.file = null;
    state.fileInfo = null;
    if (!file) {
      renderNoticeForm();
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      state.noticeErrors.file = { key: 'v.fileSize' };
      renderNoticeForm();
      return;
    }
    var reader = new FileReader();
    reader.onload = function () {
      var content = String(reader.result || '').replace(/^\uFEFF/, '');
      $('f-days').value = content;
      keepDraft();
      state.noticeErrors.days = null;
      state.noticeStatus = null;
      state.fileInfo = { file: file.name, lines: content.split(/\r\n|\r|\n/).filter(function (l) { return l.trim(); }).length };
      renderNoticeForm();
    };
    reader.onerror = function () {
      state.noticeErrors.file = { key: 'v.file' };
      renderNoticeForm();
    };
    reader.readAsText(file, 'UTF-8');
  }

  // ---------------------------------------------------------------- one day (dialog)

  function openDialog(mode, day, opener) {
    state.dialog = { mode: mode, day: day || null, opener: opener || null, year: state.view.year };
    state.dayErrors = {};
    state.dayStatus = null;
    var year = state.view.year;
    $('f-day-date').value = day ? day.date : '';
    $('f-day-date').readOnly = mode !== 'add';
    $('f-day-date').min = year + '-01-01';
    $('f-day-date').max = year + '-12-31';
    $('f-day-kind').value = day ? day.kind : 'HOLIDAY';
    $('f-day-name').value = day ? day.name : '';
    $('f-day-reason').value = '';
    renderDialog();
    var dialog = $('day-dialog');
    if (typeof dialog.showModal === 'function') {
      dialog.showModal();
    } else {
      dialog.setAttribute('open', '');
    }
    $(mode === 'add' ? 'f-day-date' : mode === 'clear' ? 'f-day-reason' : 'f-day-kind').focus();
  }

  function closeDialog(focusId) {
    var dialog = $('day-dialog');
    var opener = state.dialog && state.dialog.opener;
    state.dialog = null;
    if (dialog.open && typeof dialog.close === 'function') {
      dialog.close();
    } else {
      dialog.removeAttribute('open');
    }
    var target = focusId ? $(focusId) : opener;
    if (target && document.body.contains(target)) {
      target.focus();
    }
  }

  function renderDialog() {
    var dialog = state.dialog;
    var mode = dialog.mode;
    var date = dialog.day ? dialog.day.date : '';
    text($('day-dialog-title'), mode === 'add' ? t('day.addTitle', { year: dialog.year })
      : t(mode === 'clear' ? 'day.clearTitle' : 'day.setTitle', { date: date }));
    text($('day-dialog-intro'), mode === 'clear' ? t('day.clearIntro', { date: date, name: dialog.day.name })
      : t(mode === 'add' ? 'day.addIntro' : 'day.setIntro'));
    $('day-kind-field').hidden = mode === 'clear';
    $('day-name-field').hidden = mode === 'clear';
    $('day-date-field').hidden = mode !== 'add';
    var submit = $('day-submit');
    text(submit, state.dayBusy ? t('common.saving') : t(mode === 'clear' ? 'day.clear' : 'day.save'));
    submit.disabled = state.dayBusy;
    ['date', 'kind', 'name', 'reason'].forEach(function (field) {
      renderFieldError('err-day-' + field, 'f-day-' + field, state.dayErrors[field]);
    });
    showMessage($('day-status'), state.dayStatus);
  }

  function submitDay(event) {
    event.preventDefault();
    var dialog = state.dialog;
    if (!dialog || state.dayBusy) {
      return;
    }
    var mode = dialog.mode;
    var date = $('f-day-date').value;
    var kind = $('f-day-kind').value;
    var name = $('f-day-name').value.trim();
    var reason = $('f-day-reason').value.trim();
    state.dayErrors = {};
    state.dayStatus = null;
    if (!validDate(date) || Number(date.slice(0, 4)) !== dialog.year) {
      state.dayErrors.date = { key: 'v.date', params: { year: dialog.year } };
    }
    if (mode !== 'clear' && (!name || name.length > 100)) {
      state.dayErrors.name = { key: name ? 'v.name' : 'v.required' };
    }
    if (reason.length < 3 || reason.length > 500) {
      state.dayErrors.reason = { key: reason ? 'v.reason' : 'v.required' };
    }
    var invalid = ['date', 'name', 'reason'].filter(function (field) { return state.dayErrors[field]; });
    if (invalid.length) {
      state.dayStatus = { key: 'common.formHasErrors' };
      renderDialog();
      $('f-day-' + invalid[0]).focus();
      return;
    }
    state.dayBusy = true;
    renderDialog();
    var url = API + '/days/' + encodeURIComponent(date);
    var sent = mode === 'clear'
      ? request('DELETE', url + '?reason=' + encodeURIComponent(reason))
      : request('PUT', url, { kind: kind, name: name, reason: reason });
    sent.then(function (answer) {
      state.dayBusy = false;
      if (state.dialog !== dialog) {
        return;
      }
      if (answer.status === 200) {
        state.result = { year: dialog.year, type: mode === 'clear' ? 'clear' : 'set', date: date,
          recalculation: answer.body.recalculation };
        closeDialog('year-title');
        load(dialog.year);
        return;
      }
      if (answer.status === 400) {
        var field = String(answer.body.field || '').replace(/^days\[\d+\]\./, '');
        var message = answer.body.message || '';
        if (['date', 'kind', 'name', 'reason'].indexOf(field) >= 0 && !(mode === 'clear' && (field === 'kind' || field === 'name'))) {
          state.dayErrors[field] = { server: message };
        }
        state.dayStatus = { key: 'v.server', server: message };
        renderDialog();
        if (state.dayErrors[field] && !$('f-day-' + field).closest('[hidden]')) {
          $('f-day-' + field).focus();
        }
        return;
      }
      state.dayStatus = failure(answer);
      renderDialog();
    });
  }

  // ---------------------------------------------------------------- start

  function init() {
    each('.lang-button', function (button) {
      button.addEventListener('click', function () { setLanguage(button.getAttribute('data-lang')); });
    });
    $('year-prev').addEventListener('click', function () { go(state.year - 1); });
    $('year-next').addEventListener('click', function () { go(state.year + 1); });
    $('year-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var value = $('f-year').value.trim();
      var year = Number(value);
      if (!/^\d{4}$/.test(value) || year < FIRST_YEAR || year > LAST_YEAR) {
        state.yearError = { key: 'year.invalid', params: { first: FIRST_YEAR, last: LAST_YEAR } };
        renderYearError();
        $('f-year').focus();
        return;
      }
      go(year);
    });
    $('coverage-go').addEventListener('click', function () {
      state.focusAfterLoad = 'f-notice';
      go(state.coverage.yearNeeded);
    });
    $('notice-form').addEventListener('submit', submitNotice);
    $('f-notice').addEventListener('input', keepDraft);
    $('f-days').addEventListener('input', keepDraft);
    $('f-file').addEventListener('change', readFile);
    $('notice-reset').addEventListener('click', function () {
      delete state.drafts[state.formYear];
      fillNoticeForm();
      renderNoticeForm();
      $('f-days').focus();
    });
    $('day-add').addEventListener('click', function () { openDialog('add', null, $('day-add')); });
    $('day-form').addEventListener('submit', submitDay);
    $('day-cancel').addEventListener('click', function () { closeDialog(); });
    $('day-dialog').addEventListener('cancel', function (event) {
      // Escape: close through closeDialog, so that the state and the focus follow
      event.preventDefault();
      closeDialog();
    });
    window.addEventListener('hashchange', function () {
      var year = yearFromHash();
      if (year !== null && year !== state.year) {
        load(year);
      }
    });
    applyLanguage();
    var start = yearFromHash();
    load(start !== null ? start : currentYear());
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
