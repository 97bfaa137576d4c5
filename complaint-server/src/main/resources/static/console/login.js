// The login page: a plain form posted to the engine (Spring Security's form login), which answers with the
// console's start page and a session cookie, or back here with ?error.
import { el, t, $ } from './console.js';

document.title = t('login.title') + ' · ' + t('app');
const query = new URLSearchParams(location.search);
$('main').append(el('div', { class: 'login' },
  el('h1', { text: t('app') }),
  query.has('error') ? el('p', { class: 'problem', id: 'login-error', role: 'alert', text: t('login.error') }) : null,
  query.has('logout') ? el('p', { class: 'success', id: 'logged-out', text: t('login.out') }) : null,
  el('form', { method: 'post', action: 'login', id: 'login-form' },
    el('label', {}, t('login.user'), el('input', { name: 'username', id: 'username', autocomplete: 'username', required: true, autofocus: true })),
    el('label', {}, t('login.password'), el('input', { name: 'password', id: 'password', type: 'password', autocomplete: 'current-password', required: true })),
    el('button', { type: 'submit', id: 'login-submit', text: t('login.submit') })),
  el('p', { class: 'muted', text: t('login.help') })));
