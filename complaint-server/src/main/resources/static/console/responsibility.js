// The responsibility report (issue 8 item 2): per department and per handler for a period, with the CSV the
// engine writes for the same period.
import { start, main, api, el, t, clear, table, duration, percent } from './console.js';

const me = await start('responsibility', 'resp.title');
const area = main(me.may.responsibility);
if (area) {
  const query = new URLSearchParams(location.search);
  const today = new Date();
  const firstOfMonth = new Date(today.getFullYear(), today.getMonth(), 1);
  const nextMonth = new Date(today.getFullYear(), today.getMonth() + 1, 1);
  const day = d => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const period = new URLSearchParams({ from: query.get('from') || day(firstOfMonth), to: query.get('to') || day(nextMonth) });
  const csv = new URLSearchParams(period);
  csv.set('format', 'csv');
  const result = el('div', { id: 'report' }, t('loading'));
  clear(area, el('h1', { text: t('resp.title') }),
    el('form', { class: 'filters', method: 'get', id: 'period' },
      el('label', {}, t('dash.period'), el('span', {}, el('input', { type: 'date', name: 'from', value: period.get('from') }), ' ',
                                                       el('input', { type: 'date', name: 'to', value: period.get('to') }))),
      el('button', { type: 'submit', text: t('dash.apply') }),
      el('a', { class: 'button', id: 'csv', href: '/api/reports/responsibility?' + csv, download: 'responsibility.csv', text: t('resp.csv') })),
    result);

  const answer = await api('/api/reports/responsibility?' + period);
  const headers = ['col.name', 'col.department', 'col.received', 'col.resolved', 'col.overdue', 'col.breaches',
                   'col.avgHandling', 'col.p90Handling', 'col.reopenRate', 'col.escalations', 'col.satisfaction'];
  const row = line => [line.name, line.department || '–', line.received, line.resolved, line.overdue,
    Object.values(line.breachesByClock).reduce((a, b) => a + b, 0), duration(line.averageHandlingSeconds),
    duration(line.p90HandlingSeconds), percent(line.reopenRate), line.escalations,
    line.averageSatisfaction === null ? '–' : line.averageSatisfaction.toFixed(2)];
  const numeric = [2, 3, 4, 5, 6, 7, 8, 9, 10];
  const spread = map => Object.entries(map).map(([k, v]) => k + ' ' + v).join(', ') || '–';
  if (answer.ok) {
    clear(result,
      el('div', { class: 'panel' }, el('h2', { text: t('resp.departments') }),
         table(headers, answer.data.departments.map(row), { id: 'departments', numeric })),
      el('div', { class: 'panel' }, el('h2', { text: t('resp.handlers') }),
         table(headers, answer.data.handlers.map(row), { id: 'handlers', numeric })),
      el('div', { class: 'panel' }, el('h2', { text: t('resp.kinds') }),
         table(['col.type', 'col.complaints', 'col.primary', 'col.cooperating'],
           answer.data.kinds.map(kind => [t('type.' + kind.type), kind.complaints, spread(kind.primary), spread(kind.cooperating)]),
           { id: 'kinds', numeric: [1] })));
  }
}
