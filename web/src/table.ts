// The event table: one row per event (date, source, what happened, target, tone, place), a row
// opens its article; with a pager below.
import type { EventRow, EventsPage } from './api';
import { actorLabel, fmtInt, h, quadColor, toneBadge } from './ui';

function actorCell(a: EventRow['source']): HTMLElement {
  if (!a) return h('td', { class: 'actor none' }, '—');
  return h('td', { class: 'actor' }, h('span', { class: 'code' }, a.code), h('span', { class: 'mention' }, a.text));
}

export function renderTable(el: HTMLElement, page: EventsPage, selectedId: number | null, onPick: (e: EventRow) => void): void {
  const rows = page.events.map((e) => {
    const quad = h('i', { class: 'quad-dot', title: `QuadClass ${e.quad_class}` });
    quad.style.background = quadColor(e.quad_class);
    const tr = h(
      'tr',
      {
        tabindex: 0,
        'data-event': e.id,
        'data-doc': e.doc,
        class: e.id === selectedId ? 'selected' : undefined,
        'aria-selected': e.id === selectedId ? 'true' : 'false',
      },
      h('td', { class: 'date' }, e.date ?? '—'),
      actorCell(e.source),
      h(
        'td',
        { class: 'what' },
        h('div', { class: 'verb' }, quad, h('span', {}, e.verb.text)),
        h('div', { class: 'cameo' }, `${e.cameo} ${e.cameo_name ?? ''}`, e.plover.event ? h('span', { class: 'plover' }, e.plover.event) : null),
      ),
      actorCell(e.target),
      h('td', { class: 'tone-cell' }, toneBadge(e.goldstein)),
      h('td', { class: 'where' }, e.location ? `${e.location.name}${e.location.country ? ` · ${e.location.country}` : ''}` : '—'),
    );
    tr.title = e.text;
    tr.addEventListener('click', () => onPick(e));
    tr.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        onPick(e);
      }
    });
    return tr;
  });
  el.replaceChildren(
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'events' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Date'), h('th', {}, 'Source'), h('th', {}, 'What happened'), h('th', {}, 'Target'), h('th', {}, 'Tone'), h('th', {}, 'Where'))),
        h('tbody', {}, ...rows),
      ),
    ),
  );
}

export function renderPager(el: HTMLElement, page: EventsPage, onPage: (p: number) => void): void {
  const first = page.total === 0 ? 0 : (page.page - 1) * page.page_size + 1;
  const last = Math.min(page.total, page.page * page.page_size);
  const prev = h('button', { type: 'button', disabled: page.page <= 1, 'aria-label': 'Previous page' }, '‹ Previous');
  const next = h('button', { type: 'button', disabled: page.page >= page.pages, 'aria-label': 'Next page' }, 'Next ›');
  prev.addEventListener('click', () => onPage(page.page - 1));
  next.addEventListener('click', () => onPage(page.page + 1));
  el.replaceChildren(h('span', {}, `${fmtInt(first)}–${fmtInt(last)} of ${fmtInt(page.total)} events`), h('span', { class: 'buttons' }, prev, next));
}

export { actorLabel };
