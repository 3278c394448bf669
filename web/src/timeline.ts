// The timeline: events per day (or month, year) with cooperation stacked above the axis and
// conflict below it, and the mean Goldstein value as a line on its own scale.
import * as d3 from 'd3';
import type { SeriesPoint } from './api';
import { QUADS, fmtInt, h, hideTip, showTip, toneColor } from './ui';

export type Interval = 'day' | 'month' | 'year';

// Picks the interval that gives a readable number of bars for a date range.
export function autoInterval(first: string | null, last: string | null): Interval {
  if (!first || !last) return 'day';
  const days = (Date.parse(last) - Date.parse(first)) / 864e5;
  if (days <= 120) return 'day';
  if (days <= 365 * 6) return 'month';
  return 'year';
}

function parseBucket(s: string): Date {
  if (s.length === 4) return new Date(Date.UTC(+s, 0, 1));
  if (s.length === 7) return new Date(Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, 1));
  return new Date(Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)));
}

function nextBucket(d: Date, interval: Interval): Date {
  if (interval === 'year') return d3.utcYear.offset(d, 1);
  if (interval === 'month') return d3.utcMonth.offset(d, 1);
  return d3.utcDay.offset(d, 1);
}

const fmtBucket: Record<Interval, (d: Date) => string> = {
  day: d3.utcFormat('%a %-d %b %Y'),
  month: d3.utcFormat('%B %Y'),
  year: d3.utcFormat('%Y'),
};

export function renderLegend(el: HTMLElement): void {
  el.replaceChildren(
    ...QUADS.map((q) => {
      const sw = h('i', { class: 'swatch' });
      sw.style.background = q.color;
      return h('span', { class: 'key' }, sw, q.name);
    }),
    h('span', { class: 'key' }, h('i', { class: 'swatch line' }), 'Mean Goldstein (−10 conflict … +10 cooperation)'),
  );
}

export function renderTimeline(el: HTMLElement, series: SeriesPoint[], interval: Interval, onPick: (from: string, to: string) => void): void {
  el.replaceChildren();
  const width = Math.max(320, el.clientWidth);
  const height = 240;
  const m = { top: 14, right: 44, bottom: 26, left: 44 };
  const pts = series.map((p) => ({ ...p, t0: parseBucket(p.date), t1: nextBucket(parseBucket(p.date), interval) }));
  // Show at least 7 buckets: pad a short series evenly on both sides.
  let first = pts[0].t0;
  let last = pts[pts.length - 1].t1;
  const buckets = (a: Date, b: Date) => (interval === 'year' ? d3.utcYear : interval === 'month' ? d3.utcMonth : d3.utcDay).count(a, b);
  const missing = Math.max(0, 7 - buckets(first, last));
  const step = interval === 'year' ? d3.utcYear : interval === 'month' ? d3.utcMonth : d3.utcDay;
  first = step.offset(first, -Math.ceil(missing / 2));
  last = step.offset(last, Math.floor(missing / 2));
  const x = d3.scaleUtc().domain([first, last]).range([m.left, width - m.right]);
  const span = buckets(first, last);
  const every = Math.max(1, Math.ceil(span / Math.max(2, Math.floor((width - m.left - m.right) / 90))));
  const tickFormat = interval === 'year' ? d3.utcFormat('%Y') : interval === 'month' ? d3.utcFormat('%b %Y') : d3.utcFormat('%-d %b');
  const ticks = (step.every(every) ?? step).range(first, last);
  const coopMax = d3.max(pts, (p) => p.q1 + p.q2) ?? 0;
  const confMax = d3.max(pts, (p) => p.q3 + p.q4) ?? 0;
  const ext = Math.max(1, coopMax, confMax);
  const y = d3.scaleLinear().domain([-ext, ext]).nice().range([height - m.bottom, m.top]);
  const yG = d3.scaleLinear().domain([-10, 10]).range([height - m.bottom, m.top]);

  const svg = d3
    .select(el)
    .append('svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', width)
    .attr('height', height)
    .attr('role', 'img')
    .attr('aria-label', `Events per ${interval}: cooperation above the axis, conflict below`);

  svg
    .append('g')
    .attr('class', 'gridlines')
    .attr('transform', `translate(${m.left},0)`)
    .call(d3.axisLeft(y).ticks(5).tickSize(-(width - m.left - m.right)).tickFormat(() => ''));
  svg
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(${m.left},0)`)
    .call(d3.axisLeft(y).ticks(5).tickFormat((v) => fmtInt(Math.abs(+v))));
  svg
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(${width - m.right},0)`)
    .call(d3.axisRight(yG).ticks(5).tickFormat((v) => (+v > 0 ? `+${v}` : `${v}`)));
  // Labels sit under the middle of their bucket's bar.
  const half = (x(step.offset(first, 1)) - x(first)) / 2;
  svg
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(${half},${height - m.bottom})`)
    .call(
      d3
        .axisBottom(x)
        .tickValues(ticks)
        .tickFormat((d) => tickFormat(d as Date))
        .tickSizeOuter(0),
    );
  svg.append('line').attr('class', 'zero').attr('x1', m.left).attr('x2', width - m.right).attr('y1', y(0)).attr('y2', y(0));
  svg.append('text').attr('class', 'axis-label').attr('x', m.left + 6).attr('y', m.top + 4).text('▲ cooperation');
  svg.append('text').attr('class', 'axis-label').attr('x', m.left + 6).attr('y', height - m.bottom - 6).text('▼ conflict');

  const barW = (p: (typeof pts)[number]) => Math.max(3, Math.min(48, x(p.t1) - x(p.t0) - 2));
  const barX = (p: (typeof pts)[number]) => (x(p.t0) + x(p.t1)) / 2 - barW(p) / 2;
  const g = svg.append('g');
  for (const p of pts) {
    const stack = [
      { q: 1, y0: 0, y1: p.q1 },
      { q: 2, y0: p.q1, y1: p.q1 + p.q2 },
      { q: 3, y0: 0, y1: -p.q3 },
      { q: 4, y0: -p.q3, y1: -p.q3 - p.q4 },
    ];
    const col = g.append('g').attr('class', 'bucket');
    for (const s of stack) {
      if (s.y0 === s.y1) continue;
      col
        .append('rect')
        .attr('x', barX(p))
        .attr('width', barW(p))
        .attr('y', Math.min(y(s.y0), y(s.y1)))
        .attr('height', Math.abs(y(s.y0) - y(s.y1)))
        .attr('rx', 1.5)
        .attr('fill', QUADS[s.q - 1].color);
    }
    // A full-height hit area for the tooltip and click-to-zoom.
    col
      .append('rect')
      .attr('class', 'hit')
      .attr('x', barX(p) - 2)
      .attr('width', barW(p) + 4)
      .attr('y', m.top)
      .attr('height', height - m.top - m.bottom)
      .on('mousemove', (ev: MouseEvent) =>
        showTip(
          ev,
          h('strong', {}, fmtBucket[interval](p.t0)),
          `${fmtInt(p.events)} events · mean Goldstein ${p.goldstein_mean.toFixed(2)}`,
          ...QUADS.map((q) => `${q.name}: ${fmtInt([p.q1, p.q2, p.q3, p.q4][q.q - 1])}`),
          interval === 'day' ? null : h('em', {}, 'click to zoom in'),
        ),
      )
      .on('mouseleave', hideTip)
      .on('click', () => {
        hideTip();
        const to = new Date(p.t1.getTime() - 864e5);
        onPick(d3.utcFormat('%Y-%m-%d')(p.t0), d3.utcFormat('%Y-%m-%d')(to));
      });
  }
  // Mean Goldstein line with dots coloured by tone.
  const line = d3
    .line<(typeof pts)[number]>()
    .x((p) => (x(p.t0) + x(p.t1)) / 2)
    .y((p) => yG(p.goldstein_mean))
    .curve(d3.curveMonotoneX);
  svg.append('path').datum(pts).attr('class', 'tone-line').attr('d', line);
  svg
    .append('g')
    .selectAll('circle')
    .data(pts)
    .join('circle')
    .attr('class', 'tone-dot')
    .attr('cx', (p) => (x(p.t0) + x(p.t1)) / 2)
    .attr('cy', (p) => yG(p.goldstein_mean))
    .attr('r', 3.5)
    .attr('fill', (p) => toneColor(p.goldstein_mean));
}
