/*
 * POS terminal maintenance, Cockpit: people who only watch (managers, supervisors, analysts: no access to Admin,
 * so no administrators) are not offered the changes they may not make: the toolbar actions of a process instance
 * and a process definition (cancel, suspend, add a variable, retry jobs in bulk) and the edit and delete buttons of
 * variables. The engine refuses them anyway (their authorizations are read-only); this only spares them the offer.
 * Administrators see everything. The class is set from the login's applications (GET <admin api>auth/user/<engine>).
 */
const base = document.querySelector('base');
const adminApi = (base && base.getAttribute('admin-api')) || '/camunda/api/admin/';
const engine = window.location.href.replace(/.*\/cockpit\/([^/]*).*/, '$1') || 'default';

/** Asks who is logged in (again after every change of view: the login happens inside the page). */
function refresh() {
  fetch(`${adminApi}auth/user/${encodeURIComponent(engine)}`, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(response => (response.ok ? response.json() : null))
    .then(user => {
      const watcher = !!(user && user.userId) && !((user.authorizedApps || []).includes('admin'));
      document.documentElement.classList.toggle('pos-read-only', watcher);
    })
    .catch(() => { /* no answer: leave the page as it is */ });
}

refresh();
window.addEventListener('hashchange', refresh);

export default [];
