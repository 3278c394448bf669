// The dyad network: actors (countries, or codes without a country) as circles sized by their
// events, arrows from source to target coloured by the dyad's mean Goldstein tone.
import * as d3 from 'd3';
import type { NetworkData } from './api';
import { actorLabel, fmtInt, h, hideTip, showTip, toneColor } from './ui';

interface Node extends d3.SimulationNodeDatum {
  id: string;
  events: number;
}
interface Link extends d3.SimulationLinkDatum<Node> {
  source: Node | string;
  target: Node | string;
  events: number;
  goldstein_mean: number;
  cooperation: number;
  conflict: number;
}

let simulation: d3.Simulation<Node, Link> | null = null;

export function renderNetwork(el: HTMLElement, data: NetworkData, selected: string, onNode: (id: string) => void, onLink: (source: string, target: string) => void): void {
  simulation?.stop();
  el.replaceChildren();
  const width = Math.max(280, el.clientWidth);
  const height = Math.max(300, Math.round(width * 0.9));
  const nodes: Node[] = data.nodes.map((n) => ({ ...n }));
  const links: Link[] = data.links.map((l) => ({ ...l }));
  const maxN = d3.max(nodes, (n) => n.events) ?? 1;
  const maxL = d3.max(links, (l) => l.events) ?? 1;
  const r = d3.scaleSqrt([0, maxN], [5, 22]);
  const w = d3.scaleLinear([1, Math.max(2, maxL)], [1.2, 7]);

  const svg = d3
    .select(el)
    .append('svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', width)
    .attr('height', height)
    .attr('role', 'img')
    .attr('aria-label', 'Network of who acts on whom');
  const defs = svg.append('defs');
  const marker = (id: string, color: string) =>
    defs
      .append('marker')
      .attr('id', id)
      .attr('viewBox', '0 -4 8 8')
      .attr('refX', 7)
      .attr('markerUnits', 'userSpaceOnUse')
      .attr('markerWidth', 9)
      .attr('markerHeight', 9)
      .attr('orient', 'auto')
      .append('path')
      .attr('d', 'M0,-4L8,0L0,4')
      .attr('fill', color);
  const arrowIds = new Map<string, string>();
  links.forEach((l, i) => {
    const id = `arrow-${i}`;
    marker(id, toneColor(l.goldstein_mean));
    arrowIds.set(`${l.source}|${l.target}`, id);
  });

  const linkSel = svg
    .append('g')
    .attr('class', 'links')
    .selectAll<SVGPathElement, Link>('path')
    .data(links)
    .join('path')
    .attr('class', 'link')
    .attr('stroke', (l) => toneColor(l.goldstein_mean))
    .attr('stroke-width', (l) => w(l.events))
    .attr('marker-end', (l) => `url(#${arrowIds.get(`${l.source}|${l.target}`)})`)
    .on('mousemove', (ev: MouseEvent, l) => {
      const s = (l.source as Node).id;
      const t = (l.target as Node).id;
      showTip(
        ev,
        h('strong', {}, `${actorLabel(s)} → ${actorLabel(t)}`),
        `${fmtInt(l.events)} events · mean Goldstein ${l.goldstein_mean.toFixed(2)}`,
        `${fmtInt(l.cooperation)} cooperative, ${fmtInt(l.conflict)} conflictual`,
        h('em', {}, 'click to show this dyad'),
      );
    })
    .on('mouseleave', hideTip)
    .on('click', (_ev, l) => {
      hideTip();
      onLink((l.source as Node).id, (l.target as Node).id);
    });

  const nodeSel = svg
    .append('g')
    .attr('class', 'nodes')
    .selectAll<SVGGElement, Node>('g')
    .data(nodes)
    .join('g')
    .attr('class', (n) => `node${n.id === selected ? ' selected' : ''}`)
    .attr('tabindex', 0)
    .attr('role', 'button')
    .attr('aria-label', (n) => `${actorLabel(n.id)}: ${n.events} events`)
    .on('mousemove', (ev: MouseEvent, n) => showTip(ev, h('strong', {}, actorLabel(n.id)), `${n.id} · ${fmtInt(n.events)} events in these dyads`, h('em', {}, 'click to filter')))
    .on('mouseleave', hideTip)
    .on('click', (_ev, n) => {
      hideTip();
      onNode(n.id);
    })
    .on('keydown', (ev: KeyboardEvent, n) => {
      if (ev.key === 'Enter' || ev.key === ' ') onNode(n.id);
    });
  nodeSel.append('circle').attr('r', (n) => r(n.events));
  nodeSel
    .append('text')
    .attr('dy', (n) => r(n.events) + 12)
    .attr('text-anchor', 'middle')
    .text((n) => n.id);

  const drag = d3
    .drag<SVGGElement, Node>()
    .on('start', (ev, n) => {
      if (!ev.active) simulation?.alphaTarget(0.2).restart();
      n.fx = n.x;
      n.fy = n.y;
    })
    .on('drag', (ev, n) => {
      n.fx = ev.x;
      n.fy = ev.y;
    })
    .on('end', (ev, n) => {
      if (!ev.active) simulation?.alphaTarget(0);
      n.fx = null;
      n.fy = null;
    });
  nodeSel.call(drag);

  const pad = 26;
  simulation = d3
    .forceSimulation<Node, Link>(nodes)
    .force(
      'link',
      d3
        .forceLink<Node, Link>(links)
        .id((n) => n.id)
        .distance(Math.max(90, Math.min(170, width / (2 + Math.sqrt(nodes.length)))))
        .strength(0.5),
    )
    .force('charge', d3.forceManyBody().strength(-260))
    .force('center', d3.forceCenter(width / 2, height / 2))
    .force('x', d3.forceX(width / 2).strength(0.06))
    .force('y', d3.forceY(height / 2).strength(0.08))
    .force(
      'collide',
      d3.forceCollide<Node>((n) => r(n.events) + 14),
    )
    .on('tick', draw);
  function draw(): void {
      for (const n of nodes) {
        n.x = Math.max(pad, Math.min(width - pad, n.x ?? 0));
        n.y = Math.max(pad, Math.min(height - pad, n.y ?? 0));
      }
      linkSel.attr('d', (l) => {
        const s = l.source as Node;
        const t = l.target as Node;
        const dx = (t.x ?? 0) - (s.x ?? 0);
        const dy = (t.y ?? 0) - (s.y ?? 0);
        const dist = Math.hypot(dx, dy) || 1;
        // Stop at the target's edge; bend a little so that A->B and B->A do not overlap.
        const tr = r(t.events) + 3;
        const ex = (t.x ?? 0) - (dx / dist) * tr;
        const ey = (t.y ?? 0) - (dy / dist) * tr;
        return `M${s.x},${s.y}A${dist * 1.6},${dist * 1.6} 0 0,1 ${ex},${ey}`;
      });
      nodeSel.attr('transform', (n) => `translate(${n.x},${n.y})`);
  }
  // Lay the graph out before the first paint (a steady picture), then only move on drags.
  simulation.stop();
  simulation.tick(300);
  draw();
}
