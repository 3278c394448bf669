// The world map: countries shaded by the events that involve them (as source, target or
// place), or by their mean Goldstein tone; shapes from world-atlas (no tile server needed).
import * as d3 from 'd3';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import type { Count } from './api';
import { COUNTRY_NAME, NUMERIC_TO_A3, fmtInt, h, hideTip, showTip, toneColor } from './ui';

export type MapMetric = 'count' | 'tone';

type CountryFeature = Feature<Geometry, { name: string }>;

const topo = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const countries = feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name: string }>;
// Antarctica takes space and holds no news.
const shapes = countries.features.filter((f) => f.id !== '010') as CountryFeature[];

export function renderMap(el: HTMLElement, legend: HTMLElement, counts: Count[], metric: MapMetric, selected: string, onPick: (iso3: string) => void): void {
  el.replaceChildren();
  const width = Math.max(320, el.clientWidth);
  const height = Math.round(width * 0.5);
  const byIso = new Map(counts.map((c) => [String(c.key), c]));
  const max = d3.max(counts, (c) => c.count) ?? 1;
  const countScale = d3.scaleSequentialSqrt([0, max], d3.interpolateRgb('#dfe7f7', '#2a3f9e'));
  const fill = (c: Count | undefined) => (!c ? '#d9dee7' : metric === 'tone' ? toneColor(c.goldstein_mean) : countScale(c.count));

  const projection = d3.geoEqualEarth().fitExtent(
    [
      [4, 4],
      [width - 4, height - 4],
    ],
    { type: 'FeatureCollection', features: shapes } as FeatureCollection,
  );
  const path = d3.geoPath(projection);
  const svg = d3
    .select(el)
    .append('svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', width)
    .attr('height', height)
    .attr('role', 'img')
    .attr('aria-label', 'World map of events by country');
  svg.append('path').attr('class', 'sphere').attr('d', path({ type: 'Sphere' }) ?? '');
  svg
    .append('g')
    .selectAll('path')
    .data(shapes)
    .join('path')
    .attr('class', (f) => {
      const iso = NUMERIC_TO_A3.get(String(f.id)) ?? '';
      return `country${byIso.has(iso) ? ' has-events' : ''}${iso && iso === selected ? ' selected' : ''}`;
    })
    .attr('data-iso', (f) => NUMERIC_TO_A3.get(String(f.id)) ?? '')
    .attr('d', (f) => path(f) ?? '')
    .attr('fill', (f) => fill(byIso.get(NUMERIC_TO_A3.get(String(f.id)) ?? '')))
    .on('mousemove', (ev: MouseEvent, f) => {
      const iso = NUMERIC_TO_A3.get(String(f.id)) ?? '';
      const c = byIso.get(iso);
      showTip(
        ev,
        h('strong', {}, COUNTRY_NAME.get(iso) ?? f.properties.name),
        c ? `${fmtInt(c.count)} events · mean Goldstein ${c.goldstein_mean.toFixed(2)}` : 'no events',
        c ? h('em', {}, iso === selected ? 'click to clear' : 'click to filter') : null,
      );
    })
    .on('mouseleave', hideTip)
    .on('click', (_ev, f) => {
      const iso = NUMERIC_TO_A3.get(String(f.id)) ?? '';
      hideTip();
      if (iso && (byIso.has(iso) || iso === selected)) onPick(iso === selected ? '' : iso);
    });
  // Keep the selected outline on top.
  svg.selectAll<SVGPathElement, CountryFeature>('path.country.selected').raise();

  // Legend.
  if (metric === 'tone') {
    const bar = h('span', { class: 'ramp tone-ramp' });
    legend.replaceChildren(h('span', {}, 'conflict −10'), bar, h('span', {}, '+10 cooperation'), h('span', { class: 'muted' }, ' · mean Goldstein of the events'));
  } else {
    const bar = h('span', { class: 'ramp count-ramp' });
    legend.replaceChildren(h('span', {}, '1'), bar, h('span', {}, fmtInt(max)), h('span', { class: 'muted' }, ' · events involving the country'));
  }
}
