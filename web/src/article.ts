// The article view: the document's text with the chosen event's evidence highlighted (source,
// verb, target, quote, time, place, its sentence) and every other annotation marked lightly.
// Offsets from the API are Unicode code points into the text.
import type { DocumentView, EventRow, Span } from './api';
import { actorLabel, h, quadColor, toneBadge } from './ui';

interface Mark extends Span {
  cls: string;
  title?: string;
}

export const LEGEND: { cls: string; label: string }[] = [
  { cls: 'hl-source', label: 'source' },
  { cls: 'hl-verb', label: 'event' },
  { cls: 'hl-target', label: 'target' },
  { cls: 'hl-quote', label: 'quote' },
  { cls: 'hl-time', label: 'time' },
  { cls: 'hl-place', label: 'place' },
];

// The marks for `doc` with `ev` chosen: strong ones for its evidence, light ones for the rest.
function marksFor(doc: DocumentView, ev: EventRow | undefined): Mark[] {
  const marks: Mark[] = [];
  for (const m of doc.mentions) marks.push({ start: m.start, end: m.end, cls: 'mention', title: `${m.code ?? 'uncoded'}${m.kind ? ` (${m.kind})` : ''}` });
  for (const t of doc.timexes) marks.push({ start: t.start, end: t.end, cls: 'timex', title: `${t.type ?? 'time'}: ${t.value ?? ''}` });
  for (const p of doc.places) marks.push({ start: p.start, end: p.end, cls: 'place', title: `${p.name ?? p.text}${p.country ? `, ${p.country}` : ''}` });
  for (const q of doc.quotes) marks.push({ start: q.content.start, end: q.content.end, cls: 'quote', title: q.speaker ? `quote from ${q.speaker.name ?? q.speaker.text}` : 'quote' });
  for (const e of doc.events) if (!ev || e.id !== ev.id) marks.push({ start: e.verb.start, end: e.verb.end, cls: 'other-verb', title: `${e.cameo} ${e.cameo_name ?? ''}` });
  if (!ev) return marks;
  marks.push({ start: ev.evidence.sentence_start, end: ev.evidence.sentence_end, cls: 'hl-sentence' });
  if (ev.source) marks.push({ start: ev.source.start, end: ev.source.end, cls: 'hl-source', title: `source: ${ev.source.code}` });
  if (ev.target) marks.push({ start: ev.target.start, end: ev.target.end, cls: 'hl-target', title: `target: ${ev.target.code}` });
  marks.push({ start: ev.verb.start, end: ev.verb.end, cls: 'hl-verb', title: `${ev.cameo} ${ev.cameo_name ?? ''}` });
  if (ev.quote !== null && doc.quotes[ev.quote]) {
    const q = doc.quotes[ev.quote];
    marks.push({ start: q.content.start, end: q.content.end, cls: 'hl-quote', title: 'the quote this event is reported in' });
    if (q.speaker) marks.push({ start: q.speaker.start, end: q.speaker.end, cls: 'hl-speaker', title: 'speaker' });
    if (q.cue) marks.push({ start: q.cue.start, end: q.cue.end, cls: 'hl-cue', title: 'cue' });
  }
  if (ev.timex !== null && doc.timexes[ev.timex]) {
    const t = doc.timexes[ev.timex];
    marks.push({ start: t.start, end: t.end, cls: 'hl-time', title: `when: ${t.value ?? t.text}` });
  }
  if (ev.place !== null && doc.places[ev.place]) {
    const p = doc.places[ev.place];
    marks.push({ start: p.start, end: p.end, cls: 'hl-place', title: `where: ${p.name ?? p.text}` });
  } else if (ev.location_mention !== null && doc.mentions[ev.location_mention]) {
    const m = doc.mentions[ev.location_mention];
    marks.push({ start: m.start, end: m.end, cls: 'hl-place', title: `where: ${ev.location?.name ?? m.text}` });
  }
  return marks;
}

// Splits the text at every mark boundary and wraps each piece in the marks that cover it.
function highlighted(text: string, marks: Mark[]): DocumentFragment {
  const cps = Array.from(text);
  const cuts = new Set<number>([0, cps.length]);
  for (const m of marks) {
    if (m.end <= m.start || m.start < 0 || m.end > cps.length) continue;
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = cps.slice(a, b).join('');
    const covering = marks.filter((m) => m.start <= a && m.end >= b && m.end > m.start);
    if (covering.length === 0) {
      frag.append(piece);
      continue;
    }
    const span = h('span', { class: covering.map((m) => m.cls).join(' ') }, piece);
    const titles = covering.filter((m) => m.title).map((m) => m.title);
    if (titles.length) span.title = titles.join(' · ');
    frag.append(span);
  }
  return frag;
}

export function renderArticle(el: HTMLElement, doc: DocumentView, eventId: number | null, onEvent: (id: number) => void): void {
  const ev = doc.events.find((e) => e.id === eventId) ?? undefined;
  const meta = h(
    'p',
    { class: 'meta' },
    doc.publisher ? h('span', {}, doc.publisher) : null,
    doc.date ? h('span', {}, doc.date) : null,
    h('span', { class: 'muted' }, doc.doc_id),
  );
  if (doc.url && /^https?:\/\//.test(doc.url)) meta.append(h('a', { href: doc.url, target: '_blank', rel: 'noopener noreferrer' }, 'original ↗'));

  const legend = h(
    'div',
    { class: 'hl-legend', 'aria-label': 'Highlight legend' },
    ...LEGEND.map((l) => h('span', { class: `chip ${l.cls}` }, l.label)),
  );

  let summary: HTMLElement | null = null;
  if (ev) {
    const dot = h('i', { class: 'quad-dot' });
    dot.style.background = quadColor(ev.quad_class);
    summary = h(
      'div',
      { class: 'event-summary' },
      h(
        'p',
        { class: 'dyad' },
        h('span', { class: 'who hl-source' }, ev.source ? `${ev.source.text} (${ev.source.code})` : 'unknown source'),
        h('span', { class: 'did hl-verb' }, ev.verb.text),
        h('span', { class: 'whom hl-target' }, ev.target ? `${ev.target.text} (${ev.target.code})` : 'no target'),
      ),
      h(
        'p',
        { class: 'codes' },
        dot,
        h('span', {}, `CAMEO ${ev.cameo} · ${ev.cameo_name ?? ''}`),
        ev.plover.event ? h('span', { class: 'plover' }, `${ev.plover.event}${ev.plover.mode ? ` / ${ev.plover.mode}` : ''}`) : null,
        toneBadge(ev.goldstein),
        h('span', { class: 'muted' }, ev.date ? `on ${ev.date}${ev.date_source === 'text' ? ' (from the text)' : ''}` : 'date unknown'),
        ev.location ? h('span', { class: 'muted' }, `in ${ev.location.name}`) : null,
        ev.attribution ? h('span', { class: 'muted' }, `according to ${ev.attribution.speaker}`) : null,
      ),
    );
  }

  const body = h('div', { class: 'article-text', lang: 'en' });
  body.append(highlighted(doc.text, marksFor(doc, ev)));

  const list = h(
    'ol',
    { class: 'doc-events' },
    ...doc.events.map((e) => {
      const dot = h('i', { class: 'quad-dot' });
      dot.style.background = quadColor(e.quad_class);
      const li = h(
        'li',
        { class: e.id === eventId ? 'selected' : undefined, tabindex: 0, 'data-event': e.id },
        dot,
        h('span', { class: 'code' }, e.source?.code ?? '—'),
        h('span', { class: 'verb' }, e.verb.text),
        h('span', { class: 'code' }, e.target?.code ?? '—'),
        h('span', { class: 'muted' }, `${e.cameo} ${e.cameo_name ?? ''}`),
      );
      li.title = `${actorLabel(e.source?.code)} → ${actorLabel(e.target?.code)}`;
      li.addEventListener('click', () => onEvent(e.id));
      li.addEventListener('keydown', (k) => {
        if (k.key === 'Enter') onEvent(e.id);
      });
      return li;
    }),
  );

  el.replaceChildren(
    h('h3', { class: 'doc-title' }, doc.title || doc.doc_id.split('/').pop() || doc.doc_id),
    meta,
    ...(summary ? [summary] : []),
    legend,
    body,
    h('h4', {}, `Events in this article (${doc.events.length})`),
    list,
  );
  const sentence = body.querySelector('.hl-sentence');
  if (sentence) {
    // Scroll the text box (not the page) to the event's sentence.
    const top = (sentence as HTMLElement).offsetTop - body.offsetTop - 40;
    body.scrollTop = Math.max(0, top);
  }
}
