// The JSON API of `dyad serve`: typed responses and one fetch helper.

export interface Filters {
  q?: string;
  country?: string;
  source?: string;
  target?: string;
  from?: string;
  to?: string;
  root?: string;
  plover?: string;
  quad?: string;
}

export interface Span {
  start: number;
  end: number;
}

export interface ActorRef extends Span {
  text: string;
  code: string;
  entry: string;
  country: string | null;
}

export interface EventRow {
  id: number;
  group_id: number | null;
  doc: number;
  doc_id: string;
  sentence: number;
  text: string;
  date: string | null;
  date_source: string | null;
  source: ActorRef | null;
  target: ActorRef | null;
  cameo: string;
  cameo_name: string | null;
  root: string;
  quad_class: number;
  goldstein: number;
  plover: { event: string; mode: string; context: string[] };
  verb: Span & { text: string };
  location: { name: string; country: string; lat: number | null; lon: number | null } | null;
  attribution: { speaker: string; code: string } | null;
  negated: boolean;
  confidence: number;
  evidence: { pattern: string; entry: string; sentence_start: number; sentence_end: number };
  title: string | null;
  publisher: string | null;
  url: string | null;
  place: number | null;
  quote: number | null;
  timex: number | null;
  location_mention: number | null;
}

export interface Paged {
  total: number;
  page: number;
  page_size: number;
  pages: number;
}

export interface EventsPage extends Paged {
  events: EventRow[];
}

export interface Summary {
  documents: number;
  sentences: number;
  events: number;
  groups: number;
  first_day: string | null;
  last_day: string | null;
  quotes: number;
  places: number;
}

export interface SeriesPoint {
  date: string;
  events: number;
  q1: number;
  q2: number;
  q3: number;
  q4: number;
  goldstein_mean: number;
  goldstein_sum: number;
}

export interface Count {
  key: string | number;
  name: string | null;
  count: number;
  goldstein_mean: number;
}

export interface NetworkData {
  links: { source: string; target: string; events: number; goldstein_mean: number; cooperation: number; conflict: number }[];
  nodes: { id: string; events: number }[];
}

export interface DocumentView {
  id: number;
  doc_id: string;
  url: string | null;
  title: string | null;
  publisher: string | null;
  date: string | null;
  text: string;
  sentences: Span[];
  mentions: (Span & { idx: number; text: string; code: string | null; kind: string | null })[];
  quotes: (({ idx: number; direct: boolean; content: Span; speaker: (Span & { text: string; code: string | null; name: string | null }) | null; cue: (Span & { text: string }) | null }))[];
  places: (Span & { idx: number; text: string; name: string | null; country: string | null })[];
  timexes: (Span & { idx: number; text: string; type: string | null; value: string | null })[];
  events: EventRow[];
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

// GETs /api/`path` with the non-empty `params`; throws ApiError with the server's message.
export async function api<T>(path: string, params: Record<string, string | number | undefined> = {}, signal?: AbortSignal): Promise<T> {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== '') query.set(k, String(v));
  }
  const qs = query.toString();
  const res = await fetch(`/api/${path}${qs ? `?${qs}` : ''}`, { signal, headers: { Accept: 'application/json' } });
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new ApiError(`the server answered ${res.status} without JSON`, res.status);
  }
  if (!res.ok) {
    const msg = (body as { error?: string })?.error ?? `HTTP ${res.status}`;
    throw new ApiError(msg, res.status);
  }
  return body as T;
}
