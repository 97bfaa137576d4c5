// One case (issue 8 item 4): its current state, its SLA clocks counting down, and the full timeline of events
// with operator and time — the auditor's view, with an "as of" picker and the hash chain's verification — and
// the forms of the steps the user's roles allow (item 5).
import { start, main, api, el, t, clear, table, badge, time, countdown, instant, localInput, problem, ENUMS } from './console.js';

const me = await start('cases', 'case.title');
const area = main(me.may.case);
const query = new URLSearchParams(location.search);
const id = query.get('id') || '';
const asOf = query.get('asOf') || '';

/** The steps a case page offers: the API path, its fields, and the body it sends. */
const ACTIONS = [
  { key: 'classify', path: 'classification', fields: [['type', 'select', ENUMS.type, 'type'], ['subtype', 'text'],
      ['urgency', 'select', ENUMS.urgency, 'urgency']],
    body: v => ({ type: v.type, subtype: v.subtype, urgency: v.urgency }) },
  { key: 'acknowledge', path: 'acknowledgement', fields: [['channel', 'text', 'phone'], ['message', 'textarea'], ['promise', 'text']],
    body: v => ({ channel: v.channel, message: v.message, promise: v.promise || null }) },
  { key: 'communicate', path: 'communications', fields: [['direction', 'select', ENUMS.direction], ['channel', 'text', 'phone'],
      ['content', 'textarea']],
    body: v => ({ direction: v.direction, channel: v.channel, content: v.content }) },
  { key: 'assign', path: 'assignment', fields: [['handler', 'text'], ['department', 'text']],
    body: v => ({ handler: v.handler, department: v.department }) },
  { key: 'extend', path: 'extensions', fields: [['clock', 'select', ['resolution', 'first-response']], ['newDueAt', 'datetime'],
      ['reason', 'text'], ['consentChannel', 'text', 'phone'], ['consentAt', 'datetime']],
    body: v => ({ clock: v.clock, newDueAt: instant(v.newDueAt) || null, reason: v.reason,
                  consent: { channel: v.consentChannel, givenAt: instant(v.consentAt) || null } }) },
  { key: 'escalate', path: 'escalations', fields: [['level', 'select', ENUMS.level, 'level'], ['reason', 'text']],
    body: v => ({ level: v.level, reason: v.reason }) },
  { key: 'resolve', path: 'resolution', fields: [['remedy', 'select', ENUMS.remedy], ['amount', 'number'], ['summary', 'textarea']],
    body: v => ({ remedy: v.remedy, amount: v.amount ? { value: v.amount, currency: 'CNY' } : null, summary: v.summary }) },
  { key: 'confirm', path: 'confirmation', fields: [['satisfied', 'select', ['true', 'false']], ['score', 'number'], ['channel', 'text', 'phone']],
    body: v => ({ satisfied: v.satisfied === 'true', score: v.score ? Number(v.score) : null, channel: v.channel || null }) },
  { key: 'archive', path: 'archive', fields: [], body: () => ({}) }
];

function field([name, kind, options, enumKind]) {
  const attributes = { name, id: 'f-' + name };
  let input;
  if (kind === 'select') {
    input = el('select', attributes, options.map(o => el('option', { value: o, text: enumKind ? t(enumKind + '.' + o) : o })));
  } else if (kind === 'textarea') {
    input = el('textarea', attributes);
  } else if (kind === 'datetime') {
    input = el('input', { ...attributes, type: 'datetime-local', value: localInput(new Date()) });
  } else {
    input = el('input', { ...attributes, type: kind === 'number' ? 'number' : 'text', step: kind === 'number' ? 'any' : null,
                          value: kind === 'text' && options ? options : null });
  }
  return el('label', {}, t('f.' + name), input);
}

function actionForm(action, reload) {
  const outcome = el('div');
  const form = el('form', { id: 'action-' + action.key, 'data-action': action.key },
    el('h3', { text: t('act.' + action.key) }), action.fields.map(field),
    el('button', { type: 'submit', text: t('act.submit') }), outcome);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(form).entries());
    const answer = await api(`/api/complaints/${encodeURIComponent(id)}/${action.path}`, { method: 'POST', body: action.body(values) });
    if (answer.ok) {
      clear(outcome, el('p', { class: 'success', text: t('act.done') }));
      form.reset();
      await reload();
    } else {
      clear(outcome, problem(answer));
    }
  });
  return form;
}

function summaryOf(payload) {
  return el('details', {}, el('summary', { text: t('case.payload') }), el('pre', { text: JSON.stringify(payload, null, 2) }));
}

if (area) {
  const stateBox = el('div', { id: 'state' }, t('loading'));
  const clocks = el('div', { id: 'clocks' });
  const timeline = el('ol', { class: 'timeline', id: 'timeline' });
  const verification = el('div', { id: 'verification' });
  const actions = el('div', { class: 'actions', id: 'actions' });
  const asOfInput = el('input', { type: 'datetime-local', id: 'as-of', step: 1,
                                  value: asOf ? localInput(new Date(asOf)) : '' });
  const asOfForm = el('form', { class: 'filters', id: 'as-of-form' }, el('label', {}, t('case.asOf'), asOfInput),
    el('button', { type: 'submit', text: t('case.asOfShow') }),
    el('a', { href: 'case.html?id=' + encodeURIComponent(id), class: 'button secondary', text: t('case.asOfNow') }));
  asOfForm.addEventListener('submit', event => {
    event.preventDefault();
    const params = new URLSearchParams({ id });
    if (asOfInput.value) params.set('asOf', instant(asOfInput.value));
    location.assign('case.html?' + params);
  });
  clear(area, el('h1', {}, t('case.title') + ' ', el('code', { id: 'case-id', text: id })),
        asOf ? el('p', { class: 'hint', id: 'as-of-note', text: t('case.asOfNote') + ' ' + time(asOf) }) : null,
        asOfForm, stateBox,
        el('div', { class: 'panel' }, el('h2', { text: t('case.clocks') }), clocks),
        me.may.verification ? el('div', { class: 'panel' }, el('h2', { text: t('case.verification') }), verification) : null,
        !asOf && ACTIONS.some(a => me.may[a.key]) ? el('div', {}, el('h2', { text: t('case.actions') }), actions) : null,
        el('div', { class: 'panel' }, el('h2', { text: t('case.timeline') }), timeline));

  let current = null;
  let shownEvents = -1;
  const tickers = [];
  if (!asOf) {
    clear(actions, ACTIONS.filter(a => me.may[a.key]).map(a => actionForm(a, afterAction)));
  }

  /** Reads the case (from the projection) and its history (from the event store); redraws what changed. */
  async function load() {
    const base = `/api/complaints/${encodeURIComponent(id)}`;
    const [state, history] = await Promise.all([api(base + (asOf ? '?asOf=' + encodeURIComponent(asOf) : '')),
                                                me.may.history ? api(base + '/history' + (asOf ? '?to=' + encodeURIComponent(asOf) : '')) : null]);
    if (!state.ok) {
      clear(stateBox, state.status === 404 ? el('p', { class: 'problem', id: 'not-found', text: t('case.notFound') }) : problem(state));
      return;
    }
    if (!current || current.version !== state.data.version || asOf) {
      current = state.data;
      drawState(current);
      drawClocks(current);
    }
    if (history && history.ok && history.data.events.length !== shownEvents) {
      shownEvents = history.data.events.length;
      drawTimeline(history.data.events);
      if (me.may.verification) await verify(base);
    }
  }

  /** A step was recorded: the projection catches up within moments, so read again until it shows a new version. */
  async function afterAction() {
    const before = current ? current.version : -1;
    for (let attempt = 0; attempt < 20 && (!current || current.version === before); attempt++) {
      await new Promise(resolve => setTimeout(resolve, 300));
      await load();
    }
  }

  async function verify(base) {
    const check = await api(base + '/verification');
    if (check.ok) {
      const v = check.data;
      clear(verification, el('p', {}, badge('chain', v.intact ? 'intact' : 'broken'), ' ',
        el('span', { id: 'verification-result', text: (v.intact ? t('case.intact') : t('case.broken')) + ' · ' + v.events + ' ' + t('case.events') }),
        v.firstBrokenLink !== null ? ' · ' + t('case.firstBroken') + ' ' + JSON.stringify(v.firstBrokenLink) : ''),
        el('p', { class: 'muted' }, t('case.head') + ': ', el('code', { text: v.headHash || '–' })));
    }
  }

  function drawState(c) {
    const intake = c.intake || {};
    const customer = intake.customer || {};
    const routing = c.classification && c.classification.routing;
    const rows = [
      [t('col.status'), badge('status', c.status)],
      [t('case.tag'), c.classification ? el('span', {}, c.classification.tag + ' ', badge('urgency', c.classification.urgency)) : '–'],
      [t('case.routing'), routing ? routing.primaryDepartment + ' (' + routing.cooperatingDepartments.join(', ') + ')' : '–'],
      [t('case.handler'), c.assignment ? c.assignment.handler + ' · ' + c.assignment.department : '–'],
      [t('case.escalation'), c.escalation && c.escalation.level ? badge('level', c.escalation.level) : '–'],
      [t('case.channel'), t('channel.' + intake.channel) + (intake.channelDetail ? ' · ' + intake.channelDetail : '')],
      [t('case.customer'), (customer.name || '–') + ' · ' + (customer.contact || '–') + ' · ' + (customer.tier || '')],
      [t('case.facts'), intake.facts || '–'],
      [t('case.expectation'), intake.expectation || '–'],
      [t('case.demand'), intake.demand ? intake.demand.type + (intake.demand.amount ? ' ' + intake.demand.amount.value + ' ' + intake.demand.amount.currency : '') : '–'],
      [t('case.emotion'), intake.emotion || '–'],
      [t('case.special'), (intake.specialCircumstances || []).join(', ') || '–'],
      [t('col.receivedAt'), time(c.timeline && c.timeline.receivedAt)]
    ];
    clear(stateBox, el('div', { class: 'panel' }, el('h2', { text: t('case.state') }),
      c.personalDataErased ? el('p', { class: 'hint alert', text: t('case.erased') }) : null,
      el('table', { id: 'state-table' }, el('tbody', {}, rows.map(([k, v]) => el('tr', {}, el('th', { text: k }), el('td', {}, v)))))));
  }

  function drawClocks(c) {
    tickers.length = 0;
    const rows = Object.entries(c.sla || {}).map(([clock, s]) => {
      const left = el('span', { class: 'countdown', 'data-clock': clock });
      if (s.state === 'RUNNING' || s.state === 'AT_RISK' || s.state === 'EXTENDED' || s.state === 'BREACHED') {
        tickers.push(() => { left.textContent = countdown(s.dueAt); });
      } else {
        left.textContent = s.state === 'MET' ? t('done') + ' ' + time(s.metAt) : '–';
      }
      return [t('clock.' + clock), badge('sla', s.state), time(s.dueAt), left];
    });
    clear(clocks, table(['case.clock', 'col.sla', 'case.due', 'case.countdown'], rows, { id: 'clock-table' }));
    tickers.forEach(tick => tick());
  }

  function drawTimeline(events) {
    clear(timeline, events.map(e => el('li', { 'data-type': e.type },
      el('span', { class: 'when', text: time(e.occurredAt) }), ' ', el('strong', { text: e.type }), ' ',
      el('span', { class: 'muted', text: '#' + e.sequence + ' · ' + t('case.operator') + ' ' + (e.operator || '–') }),
      summaryOf(e.payload))));
  }

  setInterval(() => tickers.forEach(tick => tick()), 1000);
  await load();
  // The case now is kept current while the page is open (other users' steps, deadlines); a replay stays as it was.
  if (!asOf) {
    setInterval(() => { if (!document.hidden) load(); }, 5000);
  }
}
