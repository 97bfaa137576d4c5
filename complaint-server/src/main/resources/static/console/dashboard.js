// The SLA dashboard (issue 8 item 1): open cases by urgency and department, at-risk and breached lists, on-time
// rates and response-time percentiles, redrawn whenever the engine pushes a new dashboard (server-sent events).
import { start, main, api, el, t, clear, $, barChart, table, badge, time, duration, percent, countdown, shortId, ENUMS } from './console.js';

const me = await start('dashboard', 'dash.title');
const area = main(me.may.dashboard);
if (!area && me.may.case) {
  // Handlers work the cases of their department, opened by id (from a notification or a colleague).
  const id = el('input', { name: 'id', id: 'open-case-id', size: 40, required: true });
  $('main').append(el('form', { class: 'filters', method: 'get', action: 'case.html' },
    el('label', {}, t('col.id'), id), el('button', { type: 'submit', text: t('case.asOfShow') })));
}
if (area) {
  const query = new URLSearchParams(location.search);
  const from = el('input', { type: 'date', name: 'from', value: query.get('from') || '' });
  const to = el('input', { type: 'date', name: 'to', value: query.get('to') || '' });
  const live = el('span', { class: 'live off', id: 'live-status', text: t('dash.offline') });
  const cards = el('div', { class: 'cards', id: 'cards' });
  const charts = el('div', { class: 'grid2', id: 'charts' });
  const lists = el('div', { class: 'grid2', id: 'lists' });
  clear(area,
    el('div', { class: 'toolbar' }, el('h1', { text: t('dash.title') }), live),
    el('form', { class: 'filters', method: 'get' }, el('label', {}, t('dash.period'), el('span', {}, from, ' ', to)),
       el('button', { type: 'submit', text: t('dash.apply') })),
    cards, charts, lists);

  const period = new URLSearchParams();
  if (query.get('from')) period.set('from', query.get('from'));
  if (query.get('to')) period.set('to', query.get('to'));

  const card = (id, label, value, tone) =>
    el('div', { class: 'card' + (tone && value ? ' ' + tone : '') }, el('div', { class: 'value', id, text: String(value) }),
       el('div', { class: 'label', text: t(label) }));

  async function caseList(sla) {
    const answer = await api('/api/complaints?limit=10&sort=due_asc&sla=' + sla + '&status=' + ENUMS.open.join(','));
    return answer.ok ? answer.data.items : [];
  }

  function caseRows(items) {
    return items.map(c => [el('a', { href: 'case.html?id=' + encodeURIComponent(c.id), title: c.id, text: shortId(c.id) }),
      badge('urgency', c.urgency), c.department || '–', badge('sla', c.slaState), c.nextDueAt ? countdown(c.nextDueAt) : '–']);
  }

  async function draw(dashboard) {
    clear(cards,
      card('open-total', 'dash.open', dashboard.open.total),
      card('at-risk-now', 'dash.atRisk', dashboard.atRiskNow, 'warn'),
      card('breached-now', 'dash.breached', dashboard.breachedNow, 'bad'),
      card('extensions', 'dash.extensions', dashboard.extensions),
      card('escalations', 'dash.escalations', dashboard.escalations));
    const clocks = Object.entries(dashboard.onTime);
    clear(charts,
      el('div', { class: 'panel' }, el('h2', { text: t('dash.byUrgency') }),
         barChart(ENUMS.urgency.map(u => [t('urgency.' + u), dashboard.open.byUrgency[u] || 0]), { id: 'chart-urgency' })),
      el('div', { class: 'panel' }, el('h2', { text: t('dash.byDepartment') }),
         barChart(Object.entries(dashboard.open.byDepartment), { id: 'chart-department' })),
      el('div', { class: 'panel' }, el('h2', { text: t('dash.onTime') }),
         barChart(clocks.map(([clock, figure]) => [t('clock.' + clock), figure.rate]), { max: 1, format: percent, id: 'chart-on-time' })),
      el('div', { class: 'panel' }, el('h2', { text: t('dash.percentiles') }),
         barChart([['p50 ' + t('dash.firstResponse'), dashboard.firstResponseSeconds.p50],
                   ['p90 ' + t('dash.firstResponse'), dashboard.firstResponseSeconds.p90],
                   ['p99 ' + t('dash.firstResponse'), dashboard.firstResponseSeconds.p99],
                   ['p50 ' + t('dash.resolution'), dashboard.resolutionSeconds.p50],
                   ['p90 ' + t('dash.resolution'), dashboard.resolutionSeconds.p90],
                   ['p99 ' + t('dash.resolution'), dashboard.resolutionSeconds.p99]], { format: duration, id: 'chart-percentiles' })));
    const panels = [];
    if (me.may.cases) {
      const [atRisk, breached] = await Promise.all([caseList('AT_RISK'), caseList('BREACHED')]);
      const headers = ['col.id', 'col.urgency', 'col.department', 'col.sla', 'col.nextDue'];
      panels.push(el('div', { class: 'panel' }, el('h2', { text: t('dash.atRiskList') }), table(headers, caseRows(atRisk), { id: 'at-risk-list' })),
                  el('div', { class: 'panel' }, el('h2', { text: t('dash.breachedList') }), table(headers, caseRows(breached), { id: 'breached-list' })));
    }
    panels.push(el('div', { class: 'panel' }, el('h2', { text: t('dash.oldest') }),
      table(['col.id', 'col.status', 'col.urgency', 'col.department', 'col.receivedAt'],
        dashboard.oldestOpen.map(c => [me.may.case ? el('a', { href: 'case.html?id=' + encodeURIComponent(c.id), title: c.id, text: shortId(c.id) })
                                                   : shortId(c.id),
          badge('status', c.status), badge('urgency', c.urgency), c.department || '–', time(c.receivedAt)]), { id: 'oldest-list' })));
    clear(lists, panels);
    live.dataset.updates = String(Number(live.dataset.updates || 0) + 1);
  }

  const first = await api('/api/dashboard/sla?' + period);
  if (first.ok) {
    await draw(first.data);
  }
  // The engine pushes a new dashboard whenever a figure changes (a breach included); EventSource reconnects by itself.
  const stream = new EventSource('/api/dashboard/sla/stream?' + period);
  stream.addEventListener('open', () => { live.className = 'live on'; live.textContent = t('dash.live'); });
  stream.addEventListener('error', () => { live.className = 'live off'; live.textContent = t('dash.offline'); });
  stream.addEventListener('dashboard', message => {
    live.className = 'live on';
    live.textContent = t('dash.live') + ' · ' + t('dash.updated') + ' ' + time(new Date().toISOString());
    draw(JSON.parse(message.data));
  });
}
