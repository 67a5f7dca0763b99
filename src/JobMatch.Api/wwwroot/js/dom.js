// A few helpers to build the page from data without innerHTML (no markup injection from API values).

/** h('button', { onclick, class: 'x' }, 'text', child) → element. Attributes starting with "on" become listeners. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value == null || value === false) continue;
    if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = value;
    else if (name in el && typeof value !== 'string') el[name] = value;
    else el.setAttribute(name, value === true ? '' : value);
  }
  el.append(...children.flat().filter((c) => c != null && c !== false).map((c) => (c instanceof Node ? c : String(c))));
  return el;
}

let fieldIds = 0;

/** A labelled input: field('Name', h('input', { name: 'name' })). */
export function field(text, input, hint) {
  input.id ||= `f${++fieldIds}`;
  const hintEl = hint ? h('small', { class: 'muted', id: `${input.id}-hint` }, hint) : null;
  if (hintEl) input.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: input.id }, text), input, hintEl);
}

/** A checkbox with its label after it. */
export function check(text, input) {
  input.id ||= `f${++fieldIds}`;
  input.type = 'checkbox';
  return h('div', { class: 'check' }, input, h('label', { for: input.id }, text));
}

export function select(name, options, selected) {
  return h('select', { name }, ...options.map(([value, text]) => h('option', { value, selected: value === selected }, text)));
}

/** A table from columns [{ head, cell: row => node|string }] and rows; scrolls sideways on a phone. */
export function table(columns, rows, caption) {
  return h('div', { class: 'table-wrap' }, h('table', {},
    caption ? h('caption', { class: 'muted' }, caption) : null,
    h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { scope: 'col' }, c.head)))),
    h('tbody', {}, ...rows.map((row) => h('tr', {}, ...columns.map((c) => h('td', {}, c.cell(row))))))));
}

/** Announces a message to screen readers and shows it briefly. */
export function announce(message) {
  const status = document.getElementById('status');
  status.textContent = message;
  clearTimeout(announce.timer);
  announce.timer = setTimeout(() => { status.textContent = ''; }, 4000);
}

/** Runs an action from a button: disables it meanwhile and shows the error next to it. */
export async function act(button, action, errorBox) {
  button.disabled = true;
  if (errorBox) errorBox.textContent = '';
  try {
    return await action();
  } catch (error) {
    if (errorBox) errorBox.textContent = error.message; else announce(error.message);
    return undefined;
  } finally {
    button.disabled = false;
  }
}

export const errorBox = () => h('p', { class: 'error', role: 'alert' });
