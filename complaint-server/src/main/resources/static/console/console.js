// The web console's shared module (issue 8): labels in English and Chinese, calls to the engine's API on the
// browser session (with its CSRF token), the navigation the user's roles allow, and small DOM and chart helpers.
// Plain ES modules served by the engine itself: nothing to build. Every value from the API enters the page as
// text (never as HTML).

const LABELS = {
  en: {
    'app': 'Complaint engine', 'nav.dashboard': 'SLA dashboard', 'nav.cases': 'Cases', 'nav.intake': 'New complaint',
    'nav.responsibility': 'Responsibility', 'nav.trends': 'Trends', 'nav.logout': 'Log out', 'nav.lang': '中文',
    'login.title': 'Log in', 'login.user': 'User name', 'login.password': 'Password', 'login.submit': 'Log in',
    'login.error': 'User name or password is wrong.', 'login.out': 'You are logged out.',
    'login.help': 'Local users and their first passwords are printed in the engine\'s log at its first start.',
    'notAllowed': 'Your roles do not allow this page.', 'loading': 'Loading…', 'none': 'none',
    'dash.title': 'SLA dashboard', 'dash.open': 'Open cases', 'dash.atRisk': 'At risk now', 'dash.breached': 'Breached now',
    'dash.extensions': 'Extensions', 'dash.escalations': 'Escalations', 'dash.byUrgency': 'Open cases by urgency',
    'dash.byDepartment': 'Open cases by department', 'dash.onTime': 'On-time rate by clock',
    'dash.percentiles': 'Response times (p50 / p90 / p99)', 'dash.firstResponse': 'First response',
    'dash.resolution': 'Resolution', 'dash.atRiskList': 'At-risk cases', 'dash.breachedList': 'Breached cases',
    'dash.oldest': 'Oldest open cases', 'dash.live': 'live', 'dash.offline': 'reconnecting', 'dash.updated': 'updated',
    'dash.period': 'Received from / to', 'dash.apply': 'Apply',
    'resp.title': 'Responsibility report', 'resp.departments': 'By department', 'resp.handlers': 'By handler',
    'resp.csv': 'Download CSV', 'resp.kinds': 'Responsibility by type',
    'col.name': 'Name', 'col.department': 'Department', 'col.received': 'Received', 'col.resolved': 'Resolved',
    'col.overdue': 'Overdue', 'col.breaches': 'Breaches', 'col.avgHandling': 'Avg handling', 'col.p90Handling': 'p90 handling',
    'col.reopenRate': 'Reopen rate', 'col.escalations': 'Escalations', 'col.satisfaction': 'Satisfaction',
    'col.type': 'Type', 'col.complaints': 'Complaints', 'col.primary': 'Primary', 'col.cooperating': 'Cooperating',
    'trends.title': 'Trends', 'trends.granularity': 'Granularity', 'trends.month': 'Month', 'trends.quarter': 'Quarter',
    'trends.volume': 'Volume by type', 'trends.top': 'Top problems', 'trends.warnings': 'Early warnings',
    'trends.rule': 'Rule', 'trends.noWarnings': 'No early warning in this period.',
    'cases.title': 'Cases', 'cases.search': 'Search', 'cases.q': 'Text in the facts', 'cases.more': 'More',
    'cases.empty': 'No case matches.', 'col.id': 'Case', 'col.status': 'Status', 'col.urgency': 'Urgency',
    'col.sla': 'SLA', 'col.nextDue': 'Next due', 'col.handler': 'Handler', 'col.facts': 'Facts', 'col.receivedAt': 'Received',
    'any': 'any', 'sort': 'Sort', 'sort.received_desc': 'newest first', 'sort.received_asc': 'oldest first',
    'sort.due_asc': 'due soonest', 'sort.updated_desc': 'recently updated',
    'case.title': 'Case', 'case.state': 'Current state', 'case.customer': 'Customer', 'case.facts': 'Facts',
    'case.expectation': 'Expectation', 'case.demand': 'Demand', 'case.emotion': 'Emotional state',
    'case.special': 'Special circumstances', 'case.channel': 'Channel', 'case.tag': 'Classification',
    'case.routing': 'Routed to', 'case.handler': 'Handler', 'case.escalation': 'Escalation', 'case.clocks': 'SLA clocks',
    'case.clock': 'Clock', 'case.due': 'Due', 'case.countdown': 'Time left', 'case.timeline': 'Timeline',
    'case.asOf': 'As of', 'case.asOfShow': 'Show', 'case.asOfNow': 'Now', 'case.asOfNote': 'The case as it stood at',
    'case.verification': 'Verification', 'case.intact': 'intact', 'case.broken': 'broken', 'case.events': 'events',
    'case.head': 'head hash', 'case.firstBroken': 'first broken link at sequence', 'case.erased': 'personal data erased',
    'case.actions': 'Actions', 'case.operator': 'by', 'case.payload': 'details', 'case.notFound': 'No such case.',
    'overdue': 'overdue by', 'in': 'in', 'done': 'done',
    'act.acknowledge': 'Acknowledge (first response)', 'act.communicate': 'Progress update / communication',
    'act.extend': 'Extension (with the customer\'s consent)', 'act.escalate': 'Escalate', 'act.resolve': 'Resolve with a remedy',
    'act.confirm': 'Customer\'s confirmation', 'act.archive': 'Archive', 'act.classify': 'Classify and route',
    'act.assign': 'Assign a handler', 'act.submit': 'Submit', 'act.done': 'Recorded.',
    'f.channel': 'Channel', 'f.message': 'Message', 'f.promise': 'Promise', 'f.direction': 'Direction', 'f.content': 'Content',
    'f.clock': 'Clock', 'f.newDueAt': 'New due time', 'f.reason': 'Reason', 'f.consentChannel': 'Consent given by (channel)',
    'f.consentAt': 'Consent given at', 'f.level': 'Level', 'f.remedy': 'Remedy', 'f.amount': 'Amount (CNY)',
    'f.summary': 'Summary', 'f.satisfied': 'Satisfied', 'f.score': 'Score (1-5)', 'f.type': 'Type', 'f.subtype': 'Subtype',
    'f.urgency': 'Urgency', 'f.handler': 'Handler', 'f.department': 'Department',
    'intake.title': 'Record a complaint', 'intake.channelDetail': 'Channel detail', 'intake.customerName': 'Customer name',
    'intake.contact': 'Contact', 'intake.tier': 'Customer tier', 'intake.occurredAt': 'Problem occurred at',
    'intake.facts': 'Facts (what happened)', 'intake.expectation': 'Expectation (what the customer wants)',
    'intake.demandType': 'Demand', 'intake.amount': 'Amount claimed (CNY, optional)', 'intake.emotion': 'Emotional state',
    'intake.special': 'Special circumstances', 'intake.affected': 'People affected', 'intake.submit': 'Record complaint',
    'intake.suggestion': 'Suggested classification', 'intake.reasons': 'Why', 'intake.privacy': 'Privacy guard',
    'intake.noNumbers': 'No national ID or bank card number found.', 'intake.willMask': 'These numbers will be masked before anything is stored:',
    'intake.willRefuse': 'The engine refuses texts holding these numbers: remove them before submitting.',
    'intake.classifyAfter': 'Classify with', 'intake.recorded': 'Complaint recorded',
    'problem': 'Refused', 'field': 'field'
  },
  zh: {
    'app': '投诉处理引擎', 'nav.dashboard': 'SLA 看板', 'nav.cases': '案件', 'nav.intake': '登记投诉',
    'nav.responsibility': '责任报表', 'nav.trends': '趋势', 'nav.logout': '退出', 'nav.lang': 'English',
    'login.title': '登录', 'login.user': '用户名', 'login.password': '密码', 'login.submit': '登录',
    'login.error': '用户名或密码错误。', 'login.out': '您已退出。',
    'login.help': '本地用户及其初始密码在引擎首次启动时打印在日志中。',
    'notAllowed': '您的角色无权访问此页面。', 'loading': '加载中…', 'none': '无',
    'dash.title': 'SLA 看板', 'dash.open': '未结案件', 'dash.atRisk': '即将超时', 'dash.breached': '已超时',
    'dash.extensions': '延期', 'dash.escalations': '升级', 'dash.byUrgency': '按紧急程度的未结案件',
    'dash.byDepartment': '按部门的未结案件', 'dash.onTime': '各时限按时率',
    'dash.percentiles': '响应时长 (p50 / p90 / p99)', 'dash.firstResponse': '首次响应',
    'dash.resolution': '解决', 'dash.atRiskList': '即将超时的案件', 'dash.breachedList': '已超时的案件',
    'dash.oldest': '最早的未结案件', 'dash.live': '实时', 'dash.offline': '重新连接中', 'dash.updated': '更新于',
    'dash.period': '受理时间 从 / 至', 'dash.apply': '应用',
    'resp.title': '责任报表', 'resp.departments': '按部门', 'resp.handlers': '按处理人',
    'resp.csv': '下载 CSV', 'resp.kinds': '按类型的责任分布',
    'col.name': '名称', 'col.department': '部门', 'col.received': '受理', 'col.resolved': '已解决',
    'col.overdue': '逾期', 'col.breaches': '超时次数', 'col.avgHandling': '平均处理时长', 'col.p90Handling': 'p90 处理时长',
    'col.reopenRate': '重开率', 'col.escalations': '升级', 'col.satisfaction': '满意度',
    'col.type': '类型', 'col.complaints': '投诉数', 'col.primary': '主责', 'col.cooperating': '协同',
    'trends.title': '趋势', 'trends.granularity': '粒度', 'trends.month': '月', 'trends.quarter': '季度',
    'trends.volume': '按类型的投诉量', 'trends.top': '高频问题', 'trends.warnings': '预警',
    'trends.rule': '规则', 'trends.noWarnings': '本期无预警。',
    'cases.title': '案件', 'cases.search': '查询', 'cases.q': '事实中的文字', 'cases.more': '更多',
    'cases.empty': '没有匹配的案件。', 'col.id': '案件', 'col.status': '状态', 'col.urgency': '紧急程度',
    'col.sla': 'SLA', 'col.nextDue': '下一时限', 'col.handler': '处理人', 'col.facts': '事实', 'col.receivedAt': '受理时间',
    'any': '全部', 'sort': '排序', 'sort.received_desc': '最新在前', 'sort.received_asc': '最早在前',
    'sort.due_asc': '最先到期', 'sort.updated_desc': '最近更新',
    'case.title': '案件', 'case.state': '当前状态', 'case.customer': '客户', 'case.facts': '事实',
    'case.expectation': '诉求', 'case.demand': '要求', 'case.emotion': '情绪状态',
    'case.special': '特殊情况', 'case.channel': '渠道', 'case.tag': '分类',
    'case.routing': '分派至', 'case.handler': '处理人', 'case.escalation': '升级', 'case.clocks': 'SLA 时限',
    'case.clock': '时限', 'case.due': '到期', 'case.countdown': '剩余时间', 'case.timeline': '时间线',
    'case.asOf': '截至', 'case.asOfShow': '查看', 'case.asOfNow': '当前', 'case.asOfNote': '案件在此时刻的状态：',
    'case.verification': '校验', 'case.intact': '完整', 'case.broken': '已损坏', 'case.events': '个事件',
    'case.head': '链首哈希', 'case.firstBroken': '首个断链序号', 'case.erased': '个人数据已删除',
    'case.actions': '操作', 'case.operator': '操作人', 'case.payload': '详情', 'case.notFound': '案件不存在。',
    'overdue': '已逾期', 'in': '剩余', 'done': '已完成',
    'act.acknowledge': '确认受理（首次响应）', 'act.communicate': '进展告知 / 沟通记录',
    'act.extend': '延期（须客户同意）', 'act.escalate': '升级', 'act.resolve': '以补救方案解决',
    'act.confirm': '客户确认', 'act.archive': '归档', 'act.classify': '分类与分派',
    'act.assign': '指派处理人', 'act.submit': '提交', 'act.done': '已记录。',
    'f.channel': '渠道', 'f.message': '内容', 'f.promise': '承诺', 'f.direction': '方向', 'f.content': '内容',
    'f.clock': '时限', 'f.newDueAt': '新的到期时间', 'f.reason': '原因', 'f.consentChannel': '客户同意方式（渠道）',
    'f.consentAt': '客户同意时间', 'f.level': '级别', 'f.remedy': '补救方式', 'f.amount': '金额（元）',
    'f.summary': '说明', 'f.satisfied': '满意', 'f.score': '评分（1-5）', 'f.type': '类型', 'f.subtype': '子类型',
    'f.urgency': '紧急程度', 'f.handler': '处理人', 'f.department': '部门',
    'intake.title': '登记投诉', 'intake.channelDetail': '渠道说明', 'intake.customerName': '客户姓名',
    'intake.contact': '联系方式', 'intake.tier': '客户等级', 'intake.occurredAt': '问题发生时间',
    'intake.facts': '事实（发生了什么）', 'intake.expectation': '诉求（客户想要什么）',
    'intake.demandType': '要求', 'intake.amount': '索赔金额（元，可选）', 'intake.emotion': '情绪状态',
    'intake.special': '特殊情况', 'intake.affected': '涉及人数', 'intake.submit': '登记',
    'intake.suggestion': '建议分类', 'intake.reasons': '依据', 'intake.privacy': '隐私保护',
    'intake.noNumbers': '未发现身份证号或银行卡号。', 'intake.willMask': '以下号码将在保存前被遮蔽：',
    'intake.willRefuse': '引擎拒绝包含这些号码的文本：请先删除。',
    'intake.classifyAfter': '分类为', 'intake.recorded': '投诉已登记',
    'problem': '被拒绝', 'field': '字段',
    'status.RECEIVED': '已受理', 'status.CLASSIFIED': '已分类', 'status.ACKNOWLEDGED': '已响应', 'status.IN_HANDLING': '处理中',
    'status.RESOLVED': '已解决', 'status.CONFIRMED': '已确认', 'status.ARCHIVED': '已归档',
    'urgency.URGENT': '紧急', 'urgency.MAJOR': '重大', 'urgency.GENERAL': '一般',
    'sla.RUNNING': '计时中', 'sla.AT_RISK': '即将超时', 'sla.EXTENDED': '已延期', 'sla.PAUSED': '已暂停', 'sla.MET': '已达成',
    'sla.BREACHED': '已超时', 'sla.STOPPED': '已停止',
    'clock.FIRST_RESPONSE': '首次响应', 'clock.PROGRESS_UPDATE': '进展告知', 'clock.RESOLUTION': '解决',
    'clock.SUPERVISOR_CALLBACK': '主管回访', 'clock.INITIAL_PLAN': '初步方案',
    'type.PRODUCT': '产品', 'type.SERVICE': '服务', 'type.DELIVERY': '交付', 'type.OTHER': '其他',
    'channel.HOTLINE': '热线', 'channel.STORE_COUNTER': '门店柜台', 'channel.SERVICE_WINDOW': '服务窗口', 'channel.WEBSITE': '网站',
    'channel.APP': 'App', 'channel.SOCIAL_MEDIA': '社交媒体', 'channel.DIRECT_PHONE': '直线电话',
    'channel.THIRD_PARTY_PLATFORM': '第三方平台', 'channel.REGULATOR_PLATFORM': '监管平台'
  }
};

const ENGLISH_VALUES = {
  'clock.FIRST_RESPONSE': 'First response', 'clock.PROGRESS_UPDATE': 'Progress update', 'clock.RESOLUTION': 'Resolution',
  'clock.SUPERVISOR_CALLBACK': 'Supervisor callback', 'clock.INITIAL_PLAN': 'Initial plan'
};

/** zh when the browser prefers Chinese, en otherwise; the header's switch overrides it for this browser. */
export const lang = (() => {
  const chosen = localStorage.getItem('console.lang');
  if (chosen === 'en' || chosen === 'zh') {
    return chosen;
  }
  const preferred = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en']);
  for (const language of preferred) {
    const code = String(language).toLowerCase();
    if (code.startsWith('zh')) return 'zh';
    if (code.startsWith('en')) return 'en';
  }
  return 'en';
})();
document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';

/**
 * A case's short label in lists: the id's last 8 characters. They are random in every id; the first ones of a
 * time-ordered id (version 7 UUID, since 2026-12-05) are the minute it was made, the same for a whole surge.
 */
export function shortId(id) {
  return id.slice(-8);
}

/** The label of a key; enum values ("status.OPEN") fall back to the value itself. */
export function t(key) {
  return LABELS[lang][key] ?? LABELS.en[key] ?? ENGLISH_VALUES[key] ?? key.substring(key.indexOf('.') + 1);
}

/** An element with attributes (on* are listeners) and children (strings become text, never HTML). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.substring(2), value);
    else if (name === 'text') element.textContent = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

export const $ = (selector) => document.querySelector(selector);

let me = null;

/** A call to the engine on the browser session: JSON in and out; a state-changing call carries the CSRF token. */
export async function api(path, { method = 'GET', body, headers = {} } = {}) {
  const sent = { 'Accept': 'application/json, application/problem+json', 'X-Requested-With': 'console', ...headers };
  if (method !== 'GET') {
    sent['Content-Type'] = 'application/json';
    if (me && me.csrf) sent[me.csrf.headerName] = me.csrf.token;
  }
  const response = await fetch(path, { method, headers: sent, credentials: 'same-origin',
                                       body: body === undefined ? (method === 'GET' ? undefined : '{}') : JSON.stringify(body) });
  if (response.status === 401 && !location.pathname.endsWith('/login.html')) {
    location.assign('login.html');
    return new Promise(() => {});
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : await response.text();
  return { ok: response.ok, status: response.status, data, location: response.headers.get('Location') };
}

const PAGES = [
  ['dashboard', 'index.html', 'nav.dashboard'],
  ['cases', 'cases.html', 'nav.cases'],
  ['intake', 'intake.html', 'nav.intake'],
  ['responsibility', 'responsibility.html', 'nav.responsibility'],
  ['trends', 'trends.html', 'nav.trends']
];

/** Loads who is logged in (to the login page if nobody), draws the navigation their roles allow. */
export async function start(page, titleKey) {
  const answer = await api('/console/me');
  if (!answer.ok) {
    // The engine answered but not with the user (e.g. 503 while its database is away): say so, stop here.
    clear($('main'), problem(answer));
    throw new Error('console: /console/me answered ' + answer.status);
  }
  me = answer.data;
  document.title = t(titleKey) + ' · ' + t('app');
  const nav = el('header', { class: 'nav' }, el('span', { class: 'brand', text: t('app') }));
  for (const [key, href, label] of PAGES) {
    if (me.may[key]) nav.append(el('a', { href, id: 'nav-' + key, class: key === page ? 'current' : null, text: t(label) }));
  }
  nav.append(el('span', { class: 'spacer' }),
    el('span', { class: 'who', id: 'who', text: me.name + ' · ' + me.roles.join(', ') + (me.department ? ' · ' + me.department : '') }),
    el('button', { class: 'lang', type: 'button', id: 'lang-switch', text: t('nav.lang'),
                   onclick: () => { localStorage.setItem('console.lang', lang === 'zh' ? 'en' : 'zh'); location.reload(); } }),
    el('form', { method: 'post', action: 'logout' },
       el('input', { type: 'hidden', name: me.csrf ? '_csrf' : 'none', value: me.csrf ? me.csrf.token : '' }),
       el('button', { type: 'submit', id: 'logout', text: t('nav.logout') })));
  document.body.prepend(nav);
  return me;
}

/** The page's main area, or a refusal when the user's roles do not allow the page. */
export function main(allowed) {
  const area = $('main');
  if (!allowed) {
    clear(area, el('p', { class: 'problem', id: 'not-allowed', text: t('notAllowed') }));
    return null;
  }
  return area;
}

/** A refusal of the API as the user reads it: the detail and every field at fault. */
export function problem(answer) {
  const data = typeof answer.data === 'object' && answer.data ? answer.data : { detail: String(answer.data) };
  const box = el('div', { class: 'problem', role: 'alert' },
    el('strong', { text: t('problem') + ' (' + answer.status + (data.code ? ', ' + data.code : '') + '): ' }), data.detail || data.title || '');
  if (Array.isArray(data.errors) && data.errors.length) {
    box.append(el('ul', {}, data.errors.map(error => el('li', {}, t('field') + ' ', el('code', { text: error.field }), ': ' + error.message))));
  }
  return box;
}

const locale = () => (lang === 'zh' ? 'zh-CN' : 'en-GB');

export function time(iso) {
  return iso ? new Date(iso).toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'medium' }) : '–';
}

/** Seconds as "1 d 2 h", "3 h 4 min", "5 min 6 s". */
export function duration(seconds) {
  if (seconds === null || seconds === undefined) return '–';
  let s = Math.round(Math.abs(seconds));
  const d = Math.floor(s / 86400); s -= d * 86400;
  const h = Math.floor(s / 3600); s -= h * 3600;
  const m = Math.floor(s / 60); s -= m * 60;
  if (d) return d + ' d ' + h + ' h';
  if (h) return h + ' h ' + m + ' min';
  if (m) return m + ' min ' + s + ' s';
  return s + ' s';
}

/** The time left until an instant, or how long ago it passed. */
export function countdown(iso, now = Date.now()) {
  const seconds = (new Date(iso).getTime() - now) / 1000;
  return seconds >= 0 ? t('in') + ' ' + duration(seconds) : t('overdue') + ' ' + duration(-seconds);
}

export function badge(kind, value) {
  return value ? el('span', { class: 'badge ' + value, text: t(kind + '.' + value) }) : '–';
}

/** A local date-time input's value as an ISO instant; empty stays empty. */
export function instant(localValue) {
  return localValue ? new Date(localValue).toISOString() : '';
}

/** An ISO instant as the value of a datetime-local input. */
export function localInput(date) {
  const d = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
  return d.toISOString().substring(0, 16);
}

export function percent(rate) {
  return rate === null || rate === undefined ? '–' : (rate * 100).toFixed(1) + ' %';
}

const COLORS = ['#1f5fa8', '#e07b24', '#2e7d32', '#8e44ad', '#c62828', '#00838f', '#6d4c41', '#546e7a'];
const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Horizontal bars: [[label, value], …]; {format} writes a value, {max} fixes the scale. */
export function barChart(rows, { format = v => String(v), max, id } = {}) {
  const height = 24 * Math.max(rows.length, 1) + 8;
  const chart = svg('svg', { class: 'chart', viewBox: `0 0 480 ${height}`, role: 'img' });
  if (id) chart.setAttribute('id', id);
  const top = max ?? Math.max(1, ...rows.map(([, v]) => v || 0));
  rows.forEach(([label, value], i) => {
    const y = 4 + i * 24;
    const width = value ? Math.max(2, (value / top) * 280) : 0;
    chart.append(svg('text', { x: 0, y: y + 15 }, label),
                 svg('rect', { x: 150, y: y + 3, width, height: 16, fill: COLORS[0], rx: 2 }),
                 svg('text', { x: 156 + width, y: y + 15 }, value === null || value === undefined ? '–' : format(value)));
  });
  if (!rows.length) chart.append(svg('text', { x: 0, y: 18 }, t('none')));
  return chart;
}

/** Stacked columns: periods [{label, parts: {series: n}}], one colour per series, with a legend. */
export function stackedColumns(periods, { id } = {}) {
  const series = [...new Set(periods.flatMap(p => Object.keys(p.parts)))].sort();
  const top = Math.max(1, ...periods.map(p => Object.values(p.parts).reduce((a, b) => a + b, 0)));
  const width = Math.max(480, periods.length * 60 + 40);
  const chart = svg('svg', { class: 'chart', viewBox: `0 0 ${width} 230`, role: 'img' });
  if (id) chart.setAttribute('id', id);
  periods.forEach((period, i) => {
    const x = 30 + i * 60;
    let y = 200;
    series.forEach((name, s) => {
      const value = period.parts[name] || 0;
      const h = (value / top) * 180;
      if (value) {
        y -= h;
        const bar = svg('rect', { x, y, width: 40, height: h, fill: COLORS[s % COLORS.length] });
        bar.append(svg('title', {}, `${period.label} ${t('type.' + name)}: ${value}`));
        chart.append(bar);
      }
    });
    const total = Object.values(period.parts).reduce((a, b) => a + b, 0);
    chart.append(svg('text', { x: x + 20, y: y - 4, 'text-anchor': 'middle' }, String(total)),
                 svg('text', { x: x + 20, y: 216, 'text-anchor': 'middle' }, period.label));
  });
  const legend = el('div', { class: 'legend' }, series.map((name, s) => {
    const swatch = el('i');
    swatch.style.background = COLORS[s % COLORS.length];
    return el('span', {}, swatch, t('type.' + name));
  }));
  return el('div', {}, chart, legend);
}

/** A table: header keys and rows of cells (strings or nodes). */
export function table(headers, rows, { id, numeric = [] } = {}) {
  return el('table', { id },
    el('thead', {}, el('tr', {}, headers.map((h, i) => el('th', { class: numeric.includes(i) ? 'num' : null, text: t(h) })))),
    el('tbody', {}, rows.map(cells => el('tr', {}, cells.map((c, i) => el('td', { class: numeric.includes(i) ? 'num' : null }, c))))));
}

/** A select of values with translated labels; '' first when optional. */
export function select(name, values, { kind, optional, selected } = {}) {
  const field = el('select', { name });
  if (optional) field.append(el('option', { value: '', text: t('any') }));
  for (const value of values) {
    field.append(el('option', { value, selected: value === selected, text: kind ? t(kind + '.' + value) : value }));
  }
  return field;
}

export const ENUMS = {
  channel: ['HOTLINE', 'STORE_COUNTER', 'SERVICE_WINDOW', 'WEBSITE', 'APP', 'SOCIAL_MEDIA', 'DIRECT_PHONE',
            'THIRD_PARTY_PLATFORM', 'REGULATOR_PLATFORM'],
  status: ['RECEIVED', 'CLASSIFIED', 'ACKNOWLEDGED', 'IN_HANDLING', 'RESOLVED', 'CONFIRMED', 'ARCHIVED'],
  open: ['RECEIVED', 'CLASSIFIED', 'ACKNOWLEDGED', 'IN_HANDLING'],
  urgency: ['URGENT', 'MAJOR', 'GENERAL'],
  sla: ['RUNNING', 'AT_RISK', 'EXTENDED', 'PAUSED', 'MET', 'BREACHED', 'STOPPED'],
  demand: ['REFUND', 'EXCHANGE', 'REPAIR', 'COMPENSATION', 'APOLOGY', 'COUPON', 'OTHER'],
  remedy: ['REFUND', 'EXCHANGE', 'REPAIR', 'COMPENSATION', 'APOLOGY', 'COUPON', 'PLAN_CHANGE', 'EXPLANATION'],
  tier: ['REGULAR', 'VIP'],
  special: ['ELDERLY', 'PREGNANT', 'MINOR', 'MEDIA_PRESENT', 'EXPOSURE_THREAT', 'REGULATOR_THREAT'],
  level: ['GENERAL', 'MAJOR', 'CRITICAL'],
  direction: ['TO_CUSTOMER', 'FROM_CUSTOMER', 'INTERNAL'],
  type: ['PRODUCT', 'SERVICE', 'DELIVERY', 'OTHER']
};
