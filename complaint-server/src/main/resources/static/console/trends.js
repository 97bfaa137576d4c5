// Trends (issue 8 item 3): volume by type per month or quarter, the top problems, and the early warnings with
// the rule that raised them.
import { start, main, api, el, t, clear, table, stackedColumns, problem } from './console.js';

const me = await start('trends', 'trends.title');
const area = main(me.may.trends);
if (area) {
  const query = new URLSearchParams(location.search);
  const granularity = query.get('granularity') === 'month' ? 'month' : 'quarter';
  const year = new Date().getFullYear();
  const period = new URLSearchParams({ granularity, from: query.get('from') || `${year}-01-01` });
  if (query.get('to')) period.set('to', query.get('to'));
  const result = el('div', { id: 'trends' }, t('loading'));
  const choice = el('select', { name: 'granularity' },
    el('option', { value: 'month', selected: granularity === 'month', text: t('trends.month') }),
    el('option', { value: 'quarter', selected: granularity === 'quarter', text: t('trends.quarter') }));
  clear(area, el('h1', { text: t('trends.title') }),
    el('form', { class: 'filters', method: 'get' }, el('label', {}, t('trends.granularity'), choice),
      el('label', {}, t('dash.period'), el('span', {}, el('input', { type: 'date', name: 'from', value: period.get('from') }), ' ',
                                                       el('input', { type: 'date', name: 'to', value: period.get('to') || '' }))),
      el('button', { type: 'submit', text: t('dash.apply') })),
    result);

  const answer = await api('/api/reports/trends?' + period);
  if (!answer.ok) {
    clear(result, problem(answer));
  } else {
    const trends = answer.data;
    const top = trends.periods.filter(p => p.topProblems.length).flatMap(p =>
      p.topProblems.map(item => [p.period, t('type.' + item.type), item.subtype, item.count]));
    clear(result,
      el('div', { class: 'panel' }, el('h2', { text: t('trends.volume') }),
         stackedColumns(trends.periods.map(p => ({ label: p.period, parts: p.byType })), { id: 'chart-volume' })),
      el('div', { class: 'grid2' },
        el('div', { class: 'panel' }, el('h2', { text: t('trends.top') }),
           table(['trends.granularity', 'col.type', 'f.subtype', 'col.complaints'], top, { id: 'top-problems', numeric: [3] })),
        el('div', { class: 'panel', id: 'warnings' }, el('h2', { text: t('trends.warnings') }),
           trends.warnings.length
             ? el('ul', {}, trends.warnings.map(w => el('li', { class: 'hint alert' },
                 el('strong', { text: `${w.period} · ${w.key}: ${w.count}` }), ' ', w.explanation)))
             : el('p', { class: 'muted', text: t('trends.noWarnings') }),
           el('p', { class: 'muted' }, t('trends.rule') + ': ' + trends.warningRule))));
  }
}
