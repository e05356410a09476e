import {
  AREA_LEVELS,
  FIGURES,
  INCIDENT_KINDS,
  INCIDENT_SORTS,
  INCIDENT_STATUSES,
  type AreaLevel,
  type Figure,
  type IncidentKind,
  type IncidentSort,
  type IncidentStatus,
} from '@gridmap/shared';

/** What the map colours the children of the place by; 'none' leaves them plain. */
export type PlaceFigure = Figure | 'none';

/** The views of the right column. */
export type RightPanel = 'command' | 'area';

/** The incident table's filters and order. */
export interface TableFilters {
  kinds: IncidentKind[];
  statuses: IncidentStatus[];
  levels: AreaLevel[];
  /** true: only overdue; false: only not overdue; null: both. */
  overdue: boolean | null;
  sort: IncidentSort;
}

/**
 * The view an official shares as a link: the place (an area id, null for the county), the
 * figure the map colours by, the period (county days, null for the default year) and the
 * table's filters; the open incident too.
 */
export interface ViewState {
  /** Which view the right column shows: the command centre (issue 3) or the area panel. */
  panel: RightPanel;
  area: number | null;
  figure: PlaceFigure;
  from: string | null;
  to: string | null;
  table: TableFilters;
  incident: number | null;
}

/** The figure the map colours by when the URL names none: the one score that sums the others up. */
export const DEFAULT_PLACE_FIGURE: PlaceFigure = 'safetyIndex';
/** The table's default order: newest first, what an official reads first. */
export const DEFAULT_TABLE_SORT: IncidentSort = '-reportedAt';

export const DEFAULT_VIEW: ViewState = {
  panel: 'command',
  area: null,
  figure: DEFAULT_PLACE_FIGURE,
  from: null,
  to: null,
  table: { kinds: [], statuses: [], levels: [], overdue: null, sort: DEFAULT_TABLE_SORT },
  incident: null,
};

/** The parameters this module owns; any other (`lang`) is left as it is. */
const OWN_PARAMS = ['panel', 'area', 'figure', 'from', 'to', 'kind', 'status', 'level', 'overdue', 'sort', 'incident'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function id(text: string | null): number | null {
  if (text === null || !/^[1-9]\d{0,15}$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : null;
}

function list<T extends string>(text: string | null, values: readonly T[]): T[] {
  if (!text) return [];
  return [...new Set(text.split(',').filter((v): v is T => (values as readonly string[]).includes(v)))];
}

function oneOf<T extends string>(text: string | null, values: readonly T[], fallback: T): T {
  return text !== null && (values as readonly string[]).includes(text) ? (text as T) : fallback;
}

/**
 * The view a query string names; values that are not valid fall back to the default, so a
 * mistyped link still opens (on the county) rather than failing.
 * @example parseViewState('?area=12&figure=open').area // 12
 */
export function parseViewState(search: string): ViewState {
  const p = new URLSearchParams(search);
  const day = (name: string) => {
    const v = p.get(name);
    return v !== null && DAY.test(v) ? v : null;
  };
  const overdue = p.get('overdue');
  const area = id(p.get('area'));
  return {
    // A link to a place shows the place; the bare URL opens on the command centre.
    panel: p.get('panel') === 'area' || area !== null ? 'area' : 'command',
    area,
    figure: oneOf<PlaceFigure>(p.get('figure'), [...FIGURES, 'none'], DEFAULT_PLACE_FIGURE),
    from: day('from'),
    to: day('to'),
    table: {
      kinds: list(p.get('kind'), INCIDENT_KINDS),
      statuses: list(p.get('status'), INCIDENT_STATUSES),
      levels: list(p.get('level'), AREA_LEVELS),
      overdue: overdue === 'true' ? true : overdue === 'false' ? false : null,
      sort: oneOf<IncidentSort>(p.get('sort'), INCIDENT_SORTS, DEFAULT_TABLE_SORT),
    },
    incident: id(p.get('incident')),
  };
}

/**
 * The query string of `view` over `currentSearch`: our parameters rewritten (defaults left
 * out, so the plain county view is the bare URL), any other kept.
 */
export function viewStateSearch(view: ViewState, currentSearch = ''): string {
  const p = new URLSearchParams(currentSearch);
  for (const name of OWN_PARAMS) p.delete(name);
  const set = (name: string, value: string | null) => {
    if (value !== null && value !== '') p.set(name, value);
  };
  set('panel', view.panel === 'area' && view.area === null ? 'area' : null);
  set('area', view.area === null ? null : String(view.area));
  set('figure', view.figure === DEFAULT_PLACE_FIGURE ? null : view.figure);
  set('from', view.from);
  set('to', view.to);
  set('kind', view.table.kinds.join(','));
  set('status', view.table.statuses.join(','));
  set('level', view.table.levels.join(','));
  set('overdue', view.table.overdue === null ? null : String(view.table.overdue));
  set('sort', view.table.sort === DEFAULT_TABLE_SORT ? null : view.table.sort);
  set('incident', view.incident === null ? null : String(view.incident));
  const text = p.toString();
  return text ? `?${text.replaceAll('%2C', ',')}` : '';
}

/** The list's query parameters for the table's filters inside `areaId` over the period. */
export function incidentQueryParams(view: ViewState, areaId: number, period: { from: string; to: string }): URLSearchParams {
  const p = new URLSearchParams({ areaId: String(areaId), from: period.from, to: period.to, sort: view.table.sort });
  if (view.table.kinds.length) p.set('kind', view.table.kinds.join(','));
  if (view.table.statuses.length) p.set('status', view.table.statuses.join(','));
  if (view.table.levels.length) p.set('level', view.table.levels.join(','));
  if (view.table.overdue !== null) p.set('overdue', String(view.table.overdue));
  return p;
}
