/*
 * Staff login for the application's own pages (report, holiday calendar): a Camunda user logs in once per browser
 * session (POST /api/login with the session's CSRF token from GET /api/session), then goes back to the page that
 * sent them here (?next=, a path of this site only). Camunda's web applications keep their own login.
 * The page speaks Simplified Chinese when the browser's first language (navigator.languages[0]) is Chinese, as Camunda's
 * Tasklist and Cockpit do, else English; a language chosen with the buttons 中文 / English is kept in localStorage
 * ('pos-staff-language') and holds for the staff pages (report, holiday calendar) too.
 */
(function () {
  'use strict';

  var LANG_KEY = 'pos-staff-language';
  var TEXT = {
    en: {
      pageTitle: 'Staff login · POS terminal service',
      langLabel: 'Language',
      title: 'Staff login',
      intro: "For the managers' report and holiday calendar. Log in with your Camunda user.",
      username: 'User ID',
      password: 'Password',
      submit: 'Log in',
      busy: 'Logging in…',
      'continue': 'Continue',
      logout: 'Log out',
      loggedInAs: 'Logged in as {user}.',
      wrong: 'Wrong user ID or password.',
      missing: 'Enter your user ID and password.',
      throttled: 'Too many failed logins from this address. Try again in {seconds} seconds.',
      network: 'The service could not be reached. Check the connection and try again.',
      failed: 'The login did not work (error {status}). Please try again.'
    },
    'zh-CN': {
      pageTitle: '员工登录 · POS 终端售后服务',
      langLabel: '语言',
      title: '员工登录',
      intro: '用于管理人员的服务时限报表和节假日日历。请使用您的 Camunda 用户登录。',
      username: '用户名',
      password: '密码',
      submit: '登录',
      busy: '正在登录…',
      'continue': '继续',
      logout: '退出登录',
      loggedInAs: '已登录：{user}。',
      wrong: '用户名或密码错误。',
      missing: '请输入用户名和密码。',
      throttled: '此地址登录失败次数过多，请 {seconds} 秒后再试。',
      network: '无法连接服务，请检查网络后重试。',
      failed: '登录未成功（错误 {status}），请重试。'
    }
  };
  var language = initialLanguage();
  var csrf = null;
  /** What the page shows now, to show it again in another language: the session, the message, whether busy. */
  var shown = { session: null, status: null, busy: false };

  function initialLanguage() {
    try {
      var saved = window.localStorage.getItem(LANG_KEY);
      if (saved && Object.prototype.hasOwnProperty.call(TEXT, saved)) {
        return saved;
      }
    } catch (ignored) { /* storage may be off */ }
    var first = (navigator.languages && navigator.languages[0]) || navigator.language || '';
    return /^zh/i.test(first) ? 'zh-CN' : 'en';
  }

  function t(key, params) {
    var text = (TEXT[language] && TEXT[language][key]) || TEXT.en[key] || key;
    return text.replace(/\{(\w+)\}/g, function (all, name) {
      return params && params[name] !== undefined ? String(params[name]) : all;
    });
  }

  function $(id) {
    return document.getElementById(id);
  }

  function applyLanguage() {
    document.documentElement.lang = language;
    document.title = t('pageTitle');
    Array.prototype.forEach.call(document.querySelectorAll('[data-i18n]'), function (el) {
      el.textContent = t(el.getAttribute('data-i18n'));
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-i18n-attr]'), function (el) {
      el.getAttribute('data-i18n-attr').split(';').forEach(function (pair) {
        var parts = pair.split(':');
        el.setAttribute(parts[0].trim(), t(parts[1].trim()));
      });
    });
    Array.prototype.forEach.call(document.querySelectorAll('.lang-button'), function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-lang') === language));
    });
    if (shown.session && shown.session.user) {
      $('logged-in-as').textContent = t('loggedInAs', { user: shown.session.user });
    }
    $('login-status').textContent = shown.status ? t(shown.status.key, shown.status.params) : '';
    $('login-submit').textContent = t(shown.busy ? 'busy' : 'submit');
  }

  /** Where to go after the login: a path of this site only, never another site. */
  function next() {
    var wanted = new URLSearchParams(window.location.search).get('next');
    return wanted && /^\/(?![\/\\])/.test(wanted) ? wanted : '/reports/';
  }

  function session() {
    return fetch('/api/session', { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.json(); })
      .then(function (body) {
        csrf = body.csrf || null;
        return body;
      });
  }

  function show(body) {
    shown.session = body || null;
    var loggedIn = Boolean(body && body.user);
    $('logged-in').hidden = !loggedIn;
    $('login-form').hidden = loggedIn;
    if (loggedIn) {
      $('logged-in-as').textContent = t('loggedInAs', { user: body.user });
      $('continue').href = next();
    } else {
      $('f-username').focus();
    }
  }

  function status(key, params) {
    shown.status = key ? { key: key, params: params } : null;
    $('login-status').textContent = key ? t(key, params) : '';
  }

  function post(url, body) {
    var headers = { 'Accept': 'application/json' };
    if (csrf) {
      headers[csrf.header] = csrf.token;
    }
    if (body) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
    }
    return fetch(url, { method: 'POST', headers: headers, credentials: 'same-origin', body: body });
  }

  function logIn(event) {
    event.preventDefault();
    var user = $('f-username').value.trim();
    var password = $('f-password').value;
    if (!user || !password) {
      status('missing');
      return;
    }
    var submit = $('login-submit');
    submit.disabled = true;
    shown.busy = true;
    submit.textContent = t('busy');
    status(null);
    var body = new URLSearchParams();
    body.set('username', user);
    body.set('password', password);
    session().then(function () {
      return post('/api/login', body.toString());
    }).then(function (response) {
      if (response.ok) {
        window.location.assign(next());
        return;
      }
      if (response.status === 401) {
        status('wrong');
      } else if (response.status === 429) {
        status('throttled', { seconds: response.headers.get('Retry-After') || '60' });
      } else {
        status('failed', { status: response.status });
      }
    }, function () {
      status('network');
    }).finally(function () {
      submit.disabled = false;
      shown.busy = false;
      submit.textContent = t('submit');
    });
  }

  function logOut() {
    session().then(function () {
      return post('/api/logout');
    }).then(function () {
      return session();
    }).then(show, function () {
      status('network');
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('.lang-button'), function (button) {
      button.addEventListener('click', function () {
        language = button.getAttribute('data-lang');
        try {
          window.localStorage.setItem(LANG_KEY, language);
        } catch (ignored) { /* storage may be off */ }
        applyLanguage();
      });
    });
    $('login-form').addEventListener('submit', logIn);
    $('logout').addEventListener('click', logOut);
    applyLanguage();
    session().then(show, function () {
      $('login-form').hidden = false;
      status('network');
    });
  });
}());
