// The intake form (issue 8 item 5): the required elements of 001 §2.1, the suggested classification with its
// reasons while the agent types, and what the privacy guard will do to the texts before they are submitted.
// On submission the complaint is recorded (201) and, if the user may, classified as shown; then its page opens.
import { start, main, api, el, t, clear, select, localInput, instant, problem, ENUMS } from './console.js';

const me = await start('intake', 'intake.title');
const area = main(me.may.intake);

function debounce(action, ms) {
  let timer;
  return () => { clearTimeout(timer); timer = setTimeout(action, ms); };
}

if (area) {
  const input = (name, attributes = {}) => el('input', { name, id: 'in-' + name, ...attributes });
  const area2 = (name) => el('textarea', { name, id: 'in-' + name, required: true });
  const label = (key, control, wide) => el('label', { class: wide ? 'wide' : null }, t(key), control);
  const special = el('div', { class: 'wide' }, el('span', { class: 'muted', text: t('intake.special') }), ' ',
    ENUMS.special.map(s => el('label', { class: 'inline' }, el('input', { type: 'checkbox', name: 'special', value: s }), s)));
  const suggestion = el('div', { class: 'hint', id: 'suggestion' }, t('intake.suggestion') + ': –');
  const privacy = el('div', { class: 'hint', id: 'privacy' }, t('intake.noNumbers'));
  const classifyType = select('classType', ENUMS.type, { kind: 'type' });
  classifyType.id = 'class-type';
  const classifySubtype = el('input', { name: 'classSubtype', id: 'class-subtype', size: 16 });
  const classifyUrgency = select('classUrgency', ENUMS.urgency, { kind: 'urgency', selected: 'GENERAL' });
  classifyUrgency.id = 'class-urgency';
  const outcome = el('div', { id: 'outcome' });
  const form = el('form', { id: 'intake-form' },
    el('div', { class: 'form-grid' },
      label('case.channel', select('channel', ENUMS.channel, { kind: 'channel' })),
      label('intake.channelDetail', input('channelDetail')),
      label('intake.customerName', input('name', { required: true })),
      label('intake.contact', input('contact', { required: true })),
      label('intake.tier', select('tier', ENUMS.tier)),
      label('intake.occurredAt', input('occurredAt', { type: 'datetime-local', required: true, value: localInput(new Date()) })),
      label('intake.facts', area2('facts'), true),
      label('intake.expectation', area2('expectation'), true),
      label('intake.demandType', select('demandType', ENUMS.demand)),
      label('intake.amount', input('amount', { type: 'number', step: '0.01', min: '0' })),
      label('intake.emotion', input('emotion', { required: true })),
      label('intake.affected', input('affectedCount', { type: 'number', min: '1', value: '1' })),
      special),
    el('h2', { text: t('intake.suggestion') }), suggestion,
    me.may.classify ? el('div', { class: 'filters' }, el('span', { text: t('intake.classifyAfter') }),
      el('label', {}, t('f.type'), classifyType), el('label', {}, t('f.subtype'), classifySubtype),
      el('label', {}, t('f.urgency'), classifyUrgency)) : null,
    el('h2', { text: t('intake.privacy') }), privacy,
    el('p', {}, el('button', { type: 'submit', id: 'submit', text: t('intake.submit') })), outcome);
  clear(area, el('h1', { text: t('intake.title') }), form);

  const value = name => form.elements[name].value.trim();

  const suggest = debounce(async () => {
    if (!me.may.suggest || !value('facts')) return;
    const answer = await api('/api/classification/suggestions', { method: 'POST',
      body: { facts: value('facts'), expectation: value('expectation') || null, channelDetail: value('channelDetail') || null } });
    if (!answer.ok) return;
    const s = answer.data;
    clear(suggestion, el('strong', { id: 'suggested-tag', text: s.tag }),
      el('ul', { id: 'suggestion-reasons' }, s.reasons.map(r => el('li', { text: r }))));
    classifyType.value = s.type;
    classifySubtype.value = s.subtype;
    classifyUrgency.value = s.urgency;
  }, 350);

  const TEXTS = ['channelDetail', 'name', 'contact', 'facts', 'expectation', 'emotion'];
  const guard = debounce(async () => {
    if (!me.may.maskingPreview) return;
    const texts = Object.fromEntries(TEXTS.map(name => [name, value(name)]));
    const answer = await api('/api/privacy/masking-preview', { method: 'POST', body: { texts } });
    if (!answer.ok) return;
    const found = Object.entries(answer.data.texts).filter(([, text]) => text.found.length);
    if (!found.length) {
      privacy.className = 'hint';
      clear(privacy, t('intake.noNumbers'));
      return;
    }
    privacy.className = 'hint alert';
    clear(privacy, el('p', { id: 'privacy-mode', text: answer.data.mode === 'REFUSE' ? t('intake.willRefuse') : t('intake.willMask') }),
      el('ul', { id: 'privacy-masked' }, found.map(([name, text]) =>
        el('li', {}, el('strong', { text: name + ' (' + text.found.join(', ') + '): ' }), el('span', { class: 'masked', text: text.masked })))));
  }, 350);

  form.addEventListener('input', event => {
    guard();
    if (['facts', 'expectation', 'channelDetail'].includes(event.target.name)) suggest();
  });

  let idempotencyKey = crypto.randomUUID();
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const amount = value('amount');
    const body = {
      channel: value('channel'), channelDetail: value('channelDetail') || null,
      customer: { name: value('name'), contact: value('contact'), tier: value('tier') },
      occurredAt: instant(value('occurredAt')) || null,
      facts: value('facts'), expectation: value('expectation'),
      demand: { type: value('demandType'), amount: amount ? { value: amount, currency: 'CNY' } : null },
      emotion: value('emotion'),
      specialCircumstances: [...form.querySelectorAll('input[name=special]:checked')].map(box => box.value),
      affectedCount: value('affectedCount') ? Number(value('affectedCount')) : null
    };
    const answer = await api('/api/complaints', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } });
    if (!answer.ok) {
      clear(outcome, problem(answer));
      return;
    }
    idempotencyKey = crypto.randomUUID();
    const id = answer.data.id;
    if (me.may.classify && classifySubtype.value.trim()) {
      const classified = await api(`/api/complaints/${encodeURIComponent(id)}/classification`, { method: 'POST',
        body: { type: classifyType.value, subtype: classifySubtype.value.trim(), urgency: classifyUrgency.value } });
      if (!classified.ok) {
        clear(outcome, el('p', { class: 'success', text: t('intake.recorded') + ': ' + id }), problem(classified));
        return;
      }
    }
    location.assign('case.html?id=' + encodeURIComponent(id));
  });
}
