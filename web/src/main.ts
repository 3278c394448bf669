// The dashboard: holds the filters (mirrored in the URL), loads each panel from the API and
// re-renders it; a click on the map, the network, the timeline or the table refines the view.
import './style.css';
import { api, type Count, type DocumentView, type EventRow, type EventsPage, type Filters, type NetworkData, type SeriesPoint, type Summary } from './api';
import { renderArticle } from './article';
import { renderNetwork } from './network';
import { renderPager, renderTable } from './table';
import { autoInterval, renderLegend, renderTimeline, type Interval } from './timeline';
import { COUNTRY_NAME, Panel, QUADS, actorLabel, byId, fmtInt, h } from './ui';
import { renderMap, type MapMetric } from './worldmap';

interface State {
  filters: Filters & { actor?: string };
  page: number;
  sort: string;
  interval: 'auto' | Interval;
  metric: MapMetric;
  event: number | null;
  doc: number | null;
}

const FILTER_KEYS = ['q', 'country', 'actor', 'source', 'target', 'from', 'to', 'root', 'plover', 'quad'] as const;
const PAGE_SIZE = 25;

const state: State = readHash();
let summary: Summary | null = null;

const panels = {
  timeline: new Panel(byId('timeline')),
  map: new Panel(byId('map')),
  network: new Panel(byId('network')),
  table: new Panel(byId('table')),
  article: new Panel(byId('article')),
};

// Last data per panel, to re-render on resize without refetching.
const cache: {
  series?: { points: SeriesPoint[]; interval: Interval };
  counts?: Count[];
  network?: NetworkData;
} = {};

function readHash(): State {
  const p = new URLSearchParams(location.hash.slice(1));
  const filters: State['filters'] = {};
  for (const k of FILTER_KEYS) {
    const v = p.get(k);
    if (v) filters[k] = v;
  }
  const num = (k: string) => (p.get(k) && /^\d+$/.test(p.get(k)!) ? Number(p.get(k)) : null);
  return {
    filters,
    page: num('page') ?? 1,
    sort: p.get('sort') ?? '-date',
    interval: (p.get('interval') as State['interval']) ?? 'auto',
    metric: (p.get('metric') as MapMetric) ?? 'count',
    event: num('event'),
    doc: num('doc'),
  };
}

function writeHash(): void {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) if (state.filters[k]) p.set(k, state.filters[k]!);
  if (state.page > 1) p.set('page', String(state.page));
  if (state.sort !== '-date') p.set('sort', state.sort);
  if (state.interval !== 'auto') p.set('interval', state.interval);
  if (state.metric !== 'count') p.set('metric', state.metric);
  if (state.event !== null) p.set('event', String(state.event));
  if (state.doc !== null) p.set('doc', String(state.doc));
  const hash = p.toString();
  history.replaceState(null, '', hash ? `#${hash}` : location.pathname);
}

// One in-flight request per panel: a newer one aborts the older.
const inflight = new Map<string, AbortController>();
function fresh(name: string): AbortSignal {
  inflight.get(name)?.abort();
  const c = new AbortController();
  inflight.set(name, c);
  return c.signal;
}
const aborted = (e: unknown) => e instanceof DOMException && e.name === 'AbortError';

// ---- header and filter bar ----

function renderStats(s: Summary): void {
  const item = (label: string, value: string, title: string) => h('div', { title }, h('dt', {}, label), h('dd', {}, value));
  byId('stats').replaceChildren(
    item('articles', fmtInt(s.documents), 'documents in the database'),
    item('events', fmtInt(s.events), 'coded events (mentions)'),
    item('grouped events', fmtInt(s.groups), 'events reported by several articles count once here, as GDELT counts them'),
    item('period', s.first_day ? `${s.first_day} – ${s.last_day}` : '—', 'first and last event date'),
  );
}

function fillSelect(name: string, counts: Count[], label: (c: Count) => string): void {
  const sel = document.querySelector<HTMLSelectElement>(`#filters select[name="${name}"]`)!;
  const first = sel.options[0];
  sel.replaceChildren(first, ...counts.map((c) => h('option', { value: String(c.key) }, `${label(c)} · ${fmtInt(c.count)}`)));
}

// Makes sure a select can show `value` (a code picked on the map or network, say).
function ensureOption(sel: HTMLSelectElement, value: string): void {
  if (value && ![...sel.options].some((o) => o.value === value)) sel.append(h('option', { value }, actorLabel(value)));
}

function syncForm(): void {
  const form = byId<HTMLFormElement>('filters');
  for (const el of Array.from(form.elements)) {
    if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement) || !el.name) continue;
    const v = (state.filters as Record<string, string | undefined>)[el.name] ?? '';
    if (el instanceof HTMLSelectElement) ensureOption(el, v);
    if (el.value !== v) el.value = v;
  }
  for (const chip of byId('quad-chips').querySelectorAll<HTMLButtonElement>('button')) {
    const on = (chip.dataset.q ?? '') === (state.filters.quad ?? '');
    chip.classList.toggle('on', on);
    chip.setAttribute('aria-pressed', String(on));
  }
  for (const [id, value] of [
    ['interval', state.interval],
    ['map-metric', state.metric],
    ['sort', state.sort],
  ] as const) {
    for (const b of byId(id).querySelectorAll<HTMLButtonElement>('button')) b.classList.toggle('on', b.dataset.v === value);
  }
  renderActiveFilters();
}

function describe(k: string, v: string): string {
  switch (k) {
    case 'country':
      return `in or involving ${actorLabel(v)}`;
    case 'actor':
      return `actor ${v}`;
    case 'source':
      return `from ${actorLabel(v)}`;
    case 'target':
      return `against/toward ${actorLabel(v)}`;
    case 'from':
      return `since ${v}`;
    case 'to':
      return `until ${v}`;
    case 'root':
      return `CAMEO root ${v}`;
    case 'plover':
      return `PLOVER ${v}`;
    case 'quad':
      return QUADS[Number(v) - 1]?.name ?? v;
    case 'q':
      return `“${v}”`;
    default:
      return v;
  }
}

function renderActiveFilters(): void {
  const el = byId('active-filters');
  const active = FILTER_KEYS.filter((k) => state.filters[k]);
  if (!active.length) {
    el.replaceChildren(h('span', { class: 'muted' }, 'Showing every event. Pick a country on the map, a dyad in the network, or a period on the timeline.'));
    return;
  }
  el.replaceChildren(
    h('span', { class: 'muted' }, 'Showing events '),
    ...active.map((k) => {
      const b = h('button', { type: 'button', class: 'filter-chip', 'aria-label': `Remove filter ${describe(k, state.filters[k]!)}` }, describe(k, state.filters[k]!), h('span', { 'aria-hidden': true }, ' ×'));
      b.addEventListener('click', () => setFilters({ [k]: undefined }));
      return b;
    }),
  );
}

function setFilters(patch: Partial<State['filters']>): void {
  for (const [k, v] of Object.entries(patch)) {
    if (v) (state.filters as Record<string, string>)[k] = v;
    else delete (state.filters as Record<string, string | undefined>)[k];
  }
  state.page = 1;
  syncForm();
  void refresh();
}

function wireFilters(): void {
  const form = byId<HTMLFormElement>('filters');
  form.addEventListener('submit', (e) => e.preventDefault());
  let timer = 0;
  form.addEventListener('input', (e) => {
    const el = e.target as HTMLInputElement;
    if (el.name !== 'q') return;
    window.clearTimeout(timer);
    timer = window.setTimeout(() => setFilters({ q: el.value.trim() || undefined }), 350);
  });
  form.addEventListener('change', (e) => {
    const el = e.target as HTMLInputElement | HTMLSelectElement;
    if (!el.name || el.name === 'q') return;
    setFilters({ [el.name]: el.value || undefined });
  });
  const chips = byId('quad-chips');
  const all = h('button', { type: 'button', 'data-q': '', class: 'chip' }, 'All');
  chips.append(
    all,
    ...QUADS.map((q) => {
      const b = h('button', { type: 'button', 'data-q': q.q, class: 'chip', title: q.name }, h('i', { class: 'swatch' }), q.short);
      (b.querySelector('.swatch') as HTMLElement).style.background = q.color;
      return b;
    }),
  );
  chips.addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest('button');
    if (b) setFilters({ quad: b.dataset.q || undefined });
  });
  byId('reset').addEventListener('click', () => {
    state.filters = {};
    state.page = 1;
    syncForm();
    void refresh();
  });
  const segmented = (id: string, apply: (v: string) => void) =>
    byId(id).addEventListener('click', (e) => {
      const b = (e.target as HTMLElement).closest('button');
      if (b?.dataset.v) apply(b.dataset.v);
    });
  segmented('interval', (v) => {
    state.interval = v as State['interval'];
    syncForm();
    writeHash();
    void loadTimeline();
  });
  segmented('map-metric', (v) => {
    state.metric = v as MapMetric;
    syncForm();
    writeHash();
    drawMap();
  });
  segmented('sort', (v) => {
    state.sort = v;
    state.page = 1;
    syncForm();
    writeHash();
    void loadTable();
  });
}

// ---- panels ----

function params(extra: Record<string, string | number | undefined> = {}): Record<string, string | number | undefined> {
  return { ...state.filters, ...extra };
}

function timelineTitle(): string {
  const f = state.filters;
  if (f.source || f.target) return `Cooperation and conflict: ${f.source ? actorLabel(f.source) : 'anyone'} → ${f.target ? actorLabel(f.target) : 'anyone'}`;
  if (f.country) return `Cooperation and conflict: ${actorLabel(f.country)}`;
  if (f.actor) return `Cooperation and conflict: ${f.actor}`;
  return 'Cooperation and conflict over time';
}

async function loadTimeline(): Promise<void> {
  byId('timeline-title').textContent = timelineTitle();
  panels.timeline.loading();
  const signal = fresh('timeline');
  try {
    let interval: Interval = state.interval === 'auto' ? autoInterval(state.filters.from ?? summary?.first_day ?? null, state.filters.to ?? summary?.last_day ?? null) : state.interval;
    let res = await api<{ series: SeriesPoint[] }>('timeseries', params({ interval }), signal);
    // Auto: when the selection spans a short time, show it by day.
    if (state.interval === 'auto' && interval !== 'day' && res.series.length > 0) {
      const first = res.series[0].date;
      const last = res.series[res.series.length - 1].date;
      const finer = autoInterval(first.length === 4 ? `${first}-01-01` : first.length === 7 ? `${first}-01` : first, last.length === 4 ? `${last}-12-31` : last.length === 7 ? `${last}-28` : last);
      if (finer !== interval && (finer === 'day' || interval === 'year')) {
        interval = finer;
        res = await api<{ series: SeriesPoint[] }>('timeseries', params({ interval }), signal);
      }
    }
    cache.series = { points: res.series, interval };
    drawTimeline();
  } catch (e) {
    if (!aborted(e)) panels.timeline.error(String((e as Error).message));
  }
}

function drawTimeline(): void {
  const s = cache.series;
  if (!s) return;
  if (!s.points.length) return panels.timeline.empty('No dated events match these filters.', 'Widen the dates or clear a filter.');
  panels.timeline.ready();
  renderTimeline(panels.timeline.body, s.points, s.interval, (from, to) => setFilters({ from, to }));
}

async function loadMap(): Promise<void> {
  panels.map.loading();
  try {
    const res = await api<{ counts: Count[] }>('counts', params({ by: 'country', limit: 300 }), fresh('map'));
    cache.counts = res.counts;
    drawMap();
  } catch (e) {
    if (!aborted(e)) panels.map.error(String((e as Error).message));
  }
}

function drawMap(): void {
  if (!cache.counts) return;
  panels.map.ready();
  renderMap(panels.map.body, byId('map-legend'), cache.counts, state.metric, state.filters.country ?? '', (iso) => setFilters({ country: iso || undefined }));
}

async function loadNetwork(): Promise<void> {
  panels.network.loading();
  try {
    cache.network = await api<NetworkData>('network', params({ limit: 40 }), fresh('network'));
    drawNetwork();
  } catch (e) {
    if (!aborted(e)) panels.network.error(String((e as Error).message));
  }
}

function drawNetwork(): void {
  const n = cache.network;
  if (!n) return;
  if (!n.links.length) return panels.network.empty('No dyads here.', 'Events with both a source and a target make the network.');
  panels.network.ready();
  renderNetwork(
    panels.network.body,
    n,
    state.filters.country ?? state.filters.actor ?? '',
    (id) => (COUNTRY_NAME.has(id) ? setFilters({ country: id === state.filters.country ? undefined : id, actor: undefined }) : setFilters({ actor: id === state.filters.actor ? undefined : id })),
    (source, target) => setFilters({ source, target, country: undefined, actor: undefined }),
  );
}

async function loadTable(): Promise<void> {
  panels.table.loading();
  try {
    const page = await api<EventsPage>('events', params({ page: state.page, page_size: PAGE_SIZE, sort: state.sort }), fresh('table'));
    byId('table-title').textContent = `Events (${fmtInt(page.total)})`;
    if (!page.events.length) {
      byId('pager').replaceChildren();
      panels.table.empty('No events match these filters.', 'Try another country, a wider period, or clear the search.');
      return;
    }
    panels.table.ready();
    renderTable(panels.table.body, page, state.event, pickEvent);
    renderPager(byId('pager'), page, (p) => {
      state.page = p;
      writeHash();
      void loadTable();
      byId('table-card').scrollIntoView({ block: 'nearest' });
    });
    if (state.event === null) pickEvent(page.events[0], false);
  } catch (e) {
    if (!aborted(e)) panels.table.error(String((e as Error).message));
  }
}

function pickEvent(e: EventRow, scroll = true): void {
  state.event = e.id;
  state.doc = e.doc;
  writeHash();
  for (const tr of byId('table').querySelectorAll<HTMLTableRowElement>('tr[data-event]')) {
    const on = Number(tr.dataset.event) === e.id;
    tr.classList.toggle('selected', on);
    tr.setAttribute('aria-selected', String(on));
  }
  void loadArticle(scroll);
}

let currentDoc: DocumentView | null = null;

async function loadArticle(scroll: boolean): Promise<void> {
  if (state.doc === null) {
    panels.article.empty('No article chosen.', 'Pick an event in the table to read its article with the evidence highlighted.');
    return;
  }
  if (currentDoc?.id !== state.doc) {
    panels.article.loading();
    try {
      currentDoc = await api<DocumentView>(`documents/${state.doc}`, {}, fresh('article'));
    } catch (e) {
      if (!aborted(e)) panels.article.error(String((e as Error).message));
      return;
    }
  }
  panels.article.ready();
  const doc = currentDoc;
  byId('article-title').textContent = 'Article';
  renderArticle(panels.article.body, doc, state.event, (id) => {
    state.event = id;
    writeHash();
    void loadArticle(false);
  });
  if (scroll && window.matchMedia('(max-width: 1100px)').matches) byId('article-card').scrollIntoView({ behavior: 'smooth', block: 'start' });
}

async function refresh(): Promise<void> {
  writeHash();
  await Promise.all([loadTimeline(), loadMap(), loadNetwork(), loadTable()]);
}

async function start(): Promise<void> {
  renderLegend(byId('timeline-legend'));
  wireFilters();
  byId('article').append(h('div', { class: 'state empty' }, h('strong', {}, 'No article chosen.'), h('span', {}, 'Pick an event in the table to read its article with the evidence highlighted.')));
  try {
    const [s, countries, roots, plover] = await Promise.all([
      api<Summary>('summary'),
      api<{ counts: Count[] }>('counts', { by: 'country', limit: 300 }),
      api<{ counts: Count[] }>('counts', { by: 'root' }),
      api<{ counts: Count[] }>('counts', { by: 'plover' }),
    ]);
    summary = s;
    renderStats(s);
    const byName = [...countries.counts].sort((a, b) => actorLabel(String(a.key)).localeCompare(actorLabel(String(b.key))));
    const countryLabel = (c: Count) => `${actorLabel(String(c.key))} (${c.key})`;
    fillSelect('country', byName, countryLabel);
    fillSelect('source', byName, countryLabel);
    fillSelect('target', byName, countryLabel);
    fillSelect('root', roots.counts, (c) => `${c.key} ${c.name ?? ''}`);
    fillSelect('plover', plover.counts, (c) => String(c.key));
    for (const name of ['from', 'to']) {
      const input = document.querySelector<HTMLInputElement>(`#filters input[name="${name}"]`)!;
      if (s.first_day) input.min = s.first_day;
      if (s.last_day) input.max = s.last_day;
    }
    if (s.events === 0) {
      byId('active-filters').replaceChildren(h('span', { class: 'muted' }, 'This database has no events yet: code some news with dyad code --db FILE.'));
    }
  } catch (e) {
    byId('active-filters').replaceChildren(h('span', { class: 'error-text' }, `The API did not answer: ${(e as Error).message}`));
  }
  syncForm();
  await refresh();
  if (state.doc !== null) await loadArticle(false);
  let resize = 0;
  window.addEventListener('resize', () => {
    window.clearTimeout(resize);
    resize = window.setTimeout(() => {
      drawTimeline();
      drawMap();
      drawNetwork();
    }, 200);
  });
  document.body.dataset.ready = 'true';
}

void start();
