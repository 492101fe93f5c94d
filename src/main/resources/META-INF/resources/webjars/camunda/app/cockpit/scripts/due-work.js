/*
 * Cockpit dashboard plugin 「今後の期限（4週間）」: what is due across all running instances (timers
 * and task due dates, overdue ones first), for the manager (issue 10, "Cockpit for the manager").
 *
 * Reads GET /api/manager/due?days=28 (schedule/DueWork) with the Cockpit login: /api takes the
 * webapps' session for GETs from the application's own pages (security/WebappSessionAuthentication),
 * so the browser holds no other credentials; the /api rules decide (managers and staff; anyone else
 * gets the refusal shown below). Every text is set as text (textContent), never as HTML: kinds,
 * names and numbers come from applicants and models.
 *
 * Loaded through customScripts in config.js (Camunda 7 plugin API: Cockpit imports it as a module).
 */

const DAYS = 28;
const TITLE = '今後の期限（4週間）';

const JAPAN_TIME = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short',
  hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
});

/** 2026/12/10(木) 09:00 in Japan time, whatever the browser's zone. */
export function japanTime(iso) {
  const date = new Date(iso);
  if (isNaN(date.getTime())) {
    return String(iso);
  }
  const parts = {};
  JAPAN_TIME.formatToParts(date).forEach((p) => { parts[p.type] = p.value; });
  return `${parts.year}/${parts.month}/${parts.day}（${parts.weekday}） ${parts.hour}:${parts.minute}`;
}

/** The server root: the webapps live under app-root (/camunda), /api beside them. */
function apiRoot() {
  const base = document.querySelector('base');
  const appRoot = (base && base.getAttribute('app-root')) || '/camunda';
  return appRoot.replace(/\/camunda\/?$/, '');
}

function element(tag, className, text) {
  const e = document.createElement(tag);
  if (className) {
    e.className = className;
  }
  if (text !== undefined && text !== null) {
    e.textContent = String(text);
  }
  return e;
}

function cell(row, text, className) {
  const td = element('td', className, text);
  row.appendChild(td);
  return td;
}

function refusal(status, body) {
  if (status === 401) {
    return '期限一覧を読み込めませんでした。ログインし直してください。';
  }
  if (status === 403) {
    return '期限一覧は認定機関責任者と事務局だけが表示できます。';
  }
  return (body && body.detail) || `期限一覧を読み込めませんでした（${status}）。時間をおいて再読み込みしてください。`;
}

function table(items) {
  const t = element('table', 'table table-condensed iotcert-due-table');
  const head = element('tr');
  ['期日（日本時間）', '種類', '案件', '事業者', '内容', '担当'].forEach((h) => head.appendChild(element('th', null, h)));
  t.appendChild(element('thead')).appendChild(head);
  const body = t.appendChild(element('tbody'));
  items.forEach((item) => {
    const row = element('tr', item.overdue ? 'iotcert-overdue danger' : null);
    row.setAttribute('data-business-key', item.businessKey || '');
    const due = cell(row, japanTime(item.dueAt), 'iotcert-due-at');
    if (item.overdue) {
      due.appendChild(element('span', 'label label-danger iotcert-overdue-label', '期限切れ'));
    }
    cell(row, item.kind, 'iotcert-kind');
    const caseCell = cell(row, null, 'iotcert-case');
    if (item.processInstanceId) {
      const link = element('a', null, item.businessKey || '（番号なし）');
      link.href = `#/process-instance/${encodeURIComponent(item.processInstanceId)}/runtime`;
      link.title = 'Cockpit でプロセスインスタンスを開く';
      caseCell.appendChild(link);
    } else {
      caseCell.textContent = item.businessKey || '';
    }
    cell(row, item.providerName || '', 'iotcert-provider');
    const what = cell(row, item.taskName || item.activityName || '', 'iotcert-what');
    if (item.processName) {
      what.appendChild(element('div', 'text-muted small', item.processName));
    }
    cell(row, item.assignee || '', 'iotcert-assignee');
    body.appendChild(row);
  });
  return t;
}

async function load(content) {
  content.replaceChildren(element('p', 'text-muted', '読み込み中…'));
  let response;
  try {
    response = await fetch(`${apiRoot()}/api/manager/due?days=${DAYS}`, {
      credentials: 'same-origin', headers: { Accept: 'application/json' }
    });
  } catch (e) {
    content.replaceChildren(element('p', 'text-danger', '期限一覧を読み込めませんでした。ネットワークを確認してください。'));
    return;
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (!response.ok || !body || !Array.isArray(body.items)) {
    content.replaceChildren(element('p', 'text-danger iotcert-due-refused', refusal(response.status, body)));
    return;
  }
  const overdue = body.items.filter((i) => i.overdue).length;
  const summary = element('p', 'iotcert-due-summary',
    `${japanTime(body.until)} までに ${body.items.length} 件` + (overdue > 0 ? `（うち期限切れ ${overdue} 件）` : ''));
  const parts = [summary];
  if (body.items.length > 0) {
    parts.push(table(body.items));
  } else {
    parts.push(element('p', 'text-muted', 'この期間に期限はありません。'));
  }
  if (body.truncated) {
    parts.push(element('p', 'text-warning', '件数が多いため一部だけを表示しています。GET /api/manager/due で期間を短くして確認してください。'));
  }
  content.replaceChildren(...parts);
}

export default [{
  id: 'iotcert-due-work',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  render: (node) => {
    const root = element('section', 'iotcert-due-work');
    const header = element('h3', 'iotcert-due-title', TITLE);
    const reload = element('button', 'btn btn-default btn-xs iotcert-due-reload', '再読み込み');
    reload.type = 'button';
    header.appendChild(document.createTextNode(' '));
    header.appendChild(reload);
    const content = element('div', 'iotcert-due-content');
    root.appendChild(header);
    root.appendChild(content);
    node.appendChild(root);
    reload.addEventListener('click', () => load(content));
    load(content);
  }
}];
