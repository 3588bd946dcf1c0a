/*
 * POS terminal maintenance, Tasklist: what a person reads when a form refuses input.
 *
 * - form-js 1.8 writes its validation messages in English ("Field is required.") and shows a failed pattern as
 *   the regular expression ("Field must match pattern ^[A-Za-z0-9-]{6,32}$."). They are shown in the page's
 *   language (Tasklist's rule: the browser's first language; Chinese or English), a failed pattern as the field's
 *   description, which says the format in words.
 * - A refusal of the server (HTTP 400, one message in words) is shown by Tasklist as a notification: only the
 *   latest one stays, it is scrolled into view (the start dialog scrolls), and it goes once the person edits the form.
 *
 * Loaded by config.js (customScripts); it only reads and rewrites the page, it sends nothing.
 */
const firstLanguage = (navigator.languages && navigator.languages[0]) || navigator.language || '';
const chinese = /^zh\b/i.test(firstLanguage);

/** [English message of form-js, the same in the page's language]; null keeps the English. */
const MESSAGES = [
  [/^Field is required\.$/, () => (chinese ? '必须填写。' : null)],
  [/^Field must have minimum length of (\d+)\.$/, m => (chinese ? `至少需要 ${m[1]} 个字。` : null)],
  [/^Field must have maximum length of (\d+)\.$/, m => (chinese ? `不能超过 ${m[1]} 个字。` : null)],
  [/^Field must have minimum value of (.+)\.$/, m => (chinese ? `不能小于 ${m[1]}。` : null)],
  [/^Field must have maximum value of (.+)\.$/, m => (chinese ? `不能大于 ${m[1]}。` : null)],
  [/^Field must be a valid email\.$/, () => (chinese ? '请填写有效的电子邮件地址。' : null)],
  [/^Field must be a valid\s+international phone number\..*$/, () =>
    (chinese ? '请填写有效的电话号码。' : 'Enter a valid phone number.')],
  [/^Field must match pattern .*$/, (m, field) => formatHint(field)]
];

function formatHint(field) {
  const description = field && field.querySelector('.fjs-form-field-description');
  const hint = description ? description.textContent.trim() : '';
  if (chinese) {
    return hint ? `格式不正确。${hint}` : '格式不正确。';
  }
  return hint ? `Wrong format. ${hint}` : 'Wrong format.';
}

function translateErrors(root) {
  root.querySelectorAll('.fjs-form-field-error li, .fjs-form-field-error > span').forEach(item => {
    const english = item.textContent.trim();
    for (const [pattern, words] of MESSAGES) {
      const match = english.match(pattern);
      if (match) {
        const text = words(match, item.closest('.fjs-form-field'));
        if (text && text !== english) {
          item.textContent = text;
        }
        return;
      }
    }
  });
}

/** Tasklist's error notifications (server refusals and failures), newest last. */
function errorNotices() {
  return Array.from(document.querySelectorAll('.notifications .alert-danger'));
}

function dismiss(notice) {
  // Tasklist's own close button (uib-alert adds a hidden one of its own before it)
  const close = notice.querySelector('button.close[ng-click*="removeNotification"]')
    || Array.from(notice.querySelectorAll('button.close')).find(button => button.offsetParent !== null);
  if (close) {
    close.click();
  } else {
    notice.remove();
  }
}

function keepLatestNoticeInView() {
  const notices = errorNotices();
  if (notices.length === 0) {
    return;
  }
  notices.slice(0, -1).forEach(dismiss);
  const latest = notices[notices.length - 1];
  if (!latest.dataset.posShown) {
    latest.dataset.posShown = 'true';
    latest.scrollIntoView({ block: 'nearest' });
  }
}

let scheduled = false;
new MutationObserver(() => {
  if (scheduled) {
    return;
  }
  scheduled = true;
  requestAnimationFrame(() => {
    scheduled = false;
    translateErrors(document);
    keepLatestNoticeInView();
  });
}).observe(document.body, { childList: true, subtree: true, characterData: true });

// the person corrects the form: the refusal of the last attempt goes
['input', 'change'].forEach(type => document.addEventListener(type, event => {
  if (event.target instanceof Element && event.target.closest('.fjs-form')) {
    errorNotices().forEach(dismiss);
  }
}, true));

export default [];
