// The case list (issue 8 item 4) with the filters of the search API and its keyset paging.
import { start, main, api, el, t, clear, table, badge, time, countdown, select, problem, shortId, ENUMS } from './console.js';

const me = await start('cases', 'cases.title');
const area = main(me.may.cases);
if (area) {
  const query = new URLSearchParams(location.search);
  const form = el('form', { class: 'filters', method: 'get', id: 'filters' },
    el('label', {}, t('col.status'), select('status', ENUMS.status, { kind: 'status', optional: true, selected: query.get('status') })),
    el('label', {}, t('col.urgency'), select('urgency', ENUMS.urgency, { kind: 'urgency', optional: true, selected: query.get('urgency') })),
    el('label', {}, t('col.type'), select('type', ENUMS.type, { kind: 'type', optional: true, selected: query.get('type') })),
    el('label', {}, t('col.sla'), select('sla', ENUMS.sla, { kind: 'sla', optional: true, selected: query.get('sla') })),
    el('label', {}, t('col.department'), el('input', { name: 'department', value: query.get('department') || '', size: 14 })),
    el('label', {}, t('cases.q'), el('input', { name: 'q', id: 'q', value: query.get('q') || '', size: 20 })),
    el('label', {}, t('dash.period'), el('span', {},
      el('input', { type: 'date', name: 'receivedFrom', value: query.get('receivedFrom') || '' }), ' ',
      el('input', { type: 'date', name: 'receivedTo', value: query.get('receivedTo') || '' }))),
    el('label', {}, t('sort'), select('sort', ['received_desc', 'received_asc', 'due_asc', 'updated_desc'], { kind: 'sort', selected: query.get('sort') })),
    el('button', { type: 'submit', id: 'search', text: t('cases.search') }));
  const result = el('div', { id: 'results' });
  const more = el('button', { type: 'button', class: 'secondary', id: 'more', text: t('cases.more'), hidden: true });
  clear(area, el('h1', { text: t('cases.title') }), form, result, more);

  const search = new URLSearchParams();
  for (const [name, value] of query) if (value && name !== 'cursor') search.set(name, value);
  search.set('limit', '25');
  const headers = ['col.id', 'col.receivedAt', 'col.status', 'col.urgency', 'col.type', 'col.department', 'col.handler', 'col.sla', 'col.nextDue', 'col.facts'];
  const rows = [];

  async function page(cursor) {
    const params = new URLSearchParams(search);
    if (cursor) params.set('cursor', cursor);
    const answer = await api('/api/complaints?' + params);
    if (!answer.ok) {
      clear(result, problem(answer));
      return;
    }
    for (const c of answer.data.items) {
      rows.push([el('a', { href: 'case.html?id=' + encodeURIComponent(c.id), class: 'case-link', title: c.id, text: shortId(c.id) }),
        time(c.receivedAt), badge('status', c.status), badge('urgency', c.urgency),
        c.type ? t('type.' + c.type) + (c.subtype ? ' / ' + c.subtype : '') : '–', c.department || '–', c.handler || '–',
        badge('sla', c.slaState), c.nextDueAt ? countdown(c.nextDueAt) : '–', c.factsExcerpt || '']);
    }
    clear(result, rows.length ? table(headers, rows, { id: 'case-table' }) : el('p', { class: 'muted', id: 'no-cases', text: t('cases.empty') }));
    more.hidden = !answer.data.nextCursor;
    more.onclick = () => page(answer.data.nextCursor);
  }
  await page(null);
}
