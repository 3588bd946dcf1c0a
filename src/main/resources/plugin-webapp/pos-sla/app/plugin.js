/*
 * POS terminal maintenance: the service-level picture on Cockpit's dashboard (Camunda's Cockpit plugin API), for
 * managers and supervisors: open tickets by SLA state, the tickets at risk and the breached ones (each a link to its
 * process instance), and the report's key figures of the last 30 days. The data and its words come from
 * GET <cockpit api>/plugin/pos-sla/<engine>/overview (report.CockpitSlaResource), in the browser's language.
 */
const chinese = /^zh\b/i.test((navigator.languages && navigator.languages[0]) || navigator.language || '');

const TEXTS = chinese ? {
  title: '服务时限',
  open: '未关闭的工单',
  atRisk: '有超时风险的工单',
  breached: '已超时的工单',
  none: '没有。',
  ticket: '工单号', merchant: '商户', severity: '严重程度', stage: '阶段', deadline: '时限',
  report: '最近 30 天（{from} 至今）',
  reported: '报修', closed: '已关闭', responseMet: '首次响应达标', resolutionMet: '解决达标', breaches: '超时次数',
  meanResponse: '平均首次响应（服务小时）', averageScore: '平均评分',
  asOf: '更新于 {at}（{zone}）',
  failed: '服务时限数据暂时无法读取：',
  fullReport: '完整报表'
} : {
  title: 'Service levels',
  open: 'Open tickets',
  atRisk: 'Tickets at risk',
  breached: 'Breached tickets',
  none: 'None.',
  ticket: 'Ticket', merchant: 'Merchant', severity: 'Severity', stage: 'Stage', deadline: 'Deadline',
  report: 'Last 30 days (since {from})',
  reported: 'Reported', closed: 'Closed', responseMet: 'First response met', resolutionMet: 'Resolution met',
  breaches: 'Breaches', meanResponse: 'Mean first response (service hours)', averageScore: 'Average score',
  asOf: 'As of {at} ({zone})',
  failed: 'The service levels cannot be read right now: ',
  fullReport: 'Full report'
};

function text(key, values) {
  return TEXTS[key].replace(/\{(\w+)}/g, (all, name) => (values && values[name] != null ? values[name] : all));
}

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.forEach(child => node.append(child instanceof Node ? child : document.createTextNode(child == null ? '—' : String(child))));
  return node;
}

function percent(value) {
  return value == null ? '—' : `${value} %`;
}

function ticketTable(id, tickets) {
  if (!tickets.length) {
    return el('p', { id, class: 'pos-sla-none' }, text('none'));
  }
  const head = el('tr', {}, ...['ticket', 'merchant', 'severity', 'stage', 'deadline'].map(key => el('th', {}, text(key))));
  const rows = tickets.map(ticket => el('tr', {},
    el('td', {}, el('a', { href: `#/process-instance/${encodeURIComponent(ticket.processInstanceId)}/runtime` }, ticket.ticketNumber)),
    el('td', {}, ticket.merchant),
    el('td', {}, ticket.severity),
    el('td', {}, ticket.stage),
    el('td', {}, `${ticket.deadlineKind}：${ticket.deadline}`)));
  return el('table', { id, class: 'table table-condensed cam-table' }, el('thead', {}, head), el('tbody', {}, ...rows));
}

function render(node, data) {
  const counts = Object.entries(data.open).map(([state, count]) =>
    el('li', { 'data-state': state }, el('strong', {}, count.tickets), ' ', count.label));
  const report = data.report;
  const figures = [
    ['reported', report.reported], ['closed', report.closed], ['responseMet', percent(report.responseMetPercent)],
    ['resolutionMet', percent(report.resolutionMetPercent)], ['breaches', report.breaches],
    ['meanResponse', report.meanResponseServiceHours], ['averageScore', report.averageScore]
  ].map(([key, value]) => el('li', {}, `${text(key)}：`, el('strong', {}, value)));
  node.replaceChildren(el('section', { id: 'pos-sla', class: 'dashboard-section' },
    el('h3', { class: 'section-title' }, text('title')),
    el('p', { class: 'pos-sla-as-of' }, text('asOf', { at: data.generatedAt, zone: data.timeZone })),
    el('h4', {}, text('open')),
    el('ul', { id: 'pos-sla-open', class: 'list-inline' }, ...counts),
    el('h4', {}, text('atRisk')),
    ticketTable('pos-sla-at-risk', data.atRisk),
    el('h4', {}, text('breached')),
    ticketTable('pos-sla-breached', data.breached),
    el('h4', {}, text('report', { from: report.from })),
    el('ul', { id: 'pos-sla-report', class: 'list-unstyled' }, ...figures),
    el('p', {}, el('a', { href: '/reports/', target: '_blank', rel: 'noopener' }, text('fullReport')))));
}

export default [{
  id: 'pos-sla-dashboard',
  pluginPoint: 'cockpit.dashboard',
  priority: 20,
  render: (node, { api }) => {
    const base = (api && api.cockpitApi) || '/camunda/api/cockpit';
    const engine = (api && api.engine) || 'default';
    node.replaceChildren(el('section', { id: 'pos-sla', class: 'dashboard-section' }, el('h3', { class: 'section-title' }, text('title'))));
    fetch(`${base}/plugin/pos-sla/${encodeURIComponent(engine)}/overview?days=30`, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' }
    }).then(response => {
      if (response.status === 403) {
        node.replaceChildren(); // not a manager's or supervisor's dashboard: no section
        return null;
      }
      if (!response.ok) {
        throw new Error(`HTTP ${response.status}`);
      }
      return response.json();
    }).then(data => {
      if (data) {
        render(node, data);
      }
    }).catch(error => {
      node.querySelector('#pos-sla').append(el('p', { class: 'text-danger' }, text('failed') + error.message));
    });
  }
}];
