// Small DOM helpers shared by the panels: element building (text is always set as text, never
// parsed as HTML), panel states (loading, empty, error), the tooltip, colours and names.
import * as d3 from 'd3';
import { COUNTRIES } from './countries';

type Child = Node | string | null | undefined | false;

// Creates an element with attributes (class, data-*, aria-*, ...) and children.
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return el;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing`);
  return el as T;
}

// A panel's body with its states: what it shows while loading, when empty, on errors.
export class Panel {
  constructor(readonly body: HTMLElement) {}
  loading(): void {
    this.body.setAttribute('aria-busy', 'true');
    this.body.classList.add('is-loading');
    if (!this.body.firstChild) this.body.append(h('div', { class: 'state' }, h('span', { class: 'spinner', 'aria-hidden': true }), 'Loading…'));
  }
  ready(): void {
    this.body.removeAttribute('aria-busy');
    this.body.classList.remove('is-loading');
  }
  empty(message: string, hint = ''): void {
    this.ready();
    this.body.replaceChildren(h('div', { class: 'state empty' }, h('strong', {}, message), hint ? h('span', {}, hint) : null));
  }
  error(message: string): void {
    this.ready();
    this.body.replaceChildren(h('div', { class: 'state error', role: 'alert' }, h('strong', {}, 'Could not load this panel'), h('span', {}, message)));
  }
}

// The shared tooltip.
const tip = () => byId('tooltip');
export function showTip(event: MouseEvent, ...lines: Child[]): void {
  const t = tip();
  t.replaceChildren(...lines.filter((l): l is Node | string => !!l).map((l) => (typeof l === 'string' ? h('div', {}, l) : l)));
  t.hidden = false;
  const pad = 14;
  const { innerWidth: w, innerHeight: hh } = window;
  const r = t.getBoundingClientRect();
  let x = event.clientX + pad;
  let y = event.clientY + pad;
  if (x + r.width > w - 8) x = event.clientX - r.width - pad;
  if (y + r.height > hh - 8) y = event.clientY - r.height - pad;
  t.style.left = `${Math.max(4, x)}px`;
  t.style.top = `${Math.max(4, y)}px`;
}
export function hideTip(): void {
  tip().hidden = true;
}

// QuadClass names and colours: cooperation green, conflict red; verbal lighter than material.
export const QUADS = [
  { q: 1, name: 'Verbal cooperation', short: 'Verbal coop.', color: '#7cc8a0' },
  { q: 2, name: 'Material cooperation', short: 'Material coop.', color: '#1f8a58' },
  { q: 3, name: 'Verbal conflict', short: 'Verbal conflict', color: '#f2a27d' },
  { q: 4, name: 'Material conflict', short: 'Material conflict', color: '#c63d2f' },
] as const;

export function quadColor(q: number): string {
  return QUADS.find((x) => x.q === q)?.color ?? '#9aa3b5';
}

// Goldstein -10 (conflict) .. +10 (cooperation) as a red - sand - green scale.
const toneInterp = d3.interpolateRgbBasis(['#b3261e', '#e98a6b', '#ece7df', '#7cc39b', '#167a4a']);
export const toneColor = (g: number): string => toneInterp((Math.max(-10, Math.min(10, g)) + 10) / 20);

export function toneBadge(g: number): HTMLElement {
  const text = (g > 0 ? '+' : '') + (Math.round(g * 10) / 10).toFixed(1);
  const badge = h('span', { class: 'tone', title: `Goldstein ${text}: ${g < 0 ? 'conflict' : g > 0 ? 'cooperation' : 'neutral'}` }, text);
  badge.style.setProperty('--tone', toneColor(g));
  badge.classList.toggle('dark', Math.abs(g) >= 5);
  return badge;
}

// Country names by ISO alpha-3, and ISO numeric -> alpha-3 (world-atlas ids).
export const COUNTRY_NAME = new Map<string, string>(COUNTRIES.map(([, a3, name]) => [a3, name]));
export const NUMERIC_TO_A3 = new Map<string, string>(COUNTRIES.map(([n, a3]) => [n, a3]));

export function actorLabel(code: string | null | undefined): string {
  if (!code) return '—';
  const name = COUNTRY_NAME.get(code);
  return name ? `${name}` : code;
}

export const fmtInt = d3.format(',');
