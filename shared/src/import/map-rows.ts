import type { MultiPolygon, Polygon, Position } from 'geojson';
import { AREA_CODE_LENGTH } from '../areas/area-level.ts';
import { deadlineDays, OPEN_STATUSES, type Severity } from '../incidents/incident-catalogue.ts';
import { signedRingArea } from '../geo/ring-area.ts';
import { parseCountyTime } from '../time/county-time.ts';
import type {
  AreaCandidate,
  CandidateByLayer,
  HouseholdCandidate,
  IncidentCandidate,
  MappedRow,
  MediationPointCandidate,
} from './candidate-records.ts';
import { toWgs84, type CoordinateSystem } from './coordinate-system.ts';
import { polygonProblem } from './geometry-problems.ts';
import { ImportFileError } from './import-file-error.ts';
import { IMPORT_FIELDS, type ImportLayer } from './import-layer.ts';
import type { ImportMapping } from './import-mapping.ts';
import type { RowProblem } from './row-problem.ts';
import type { SourceRow, SourceTable } from './source-table.ts';
import { codeOf, splitList } from './value-aliases.ts';

/** Residents in one household at most; a larger number is a typo in the register. */
export const MAX_HOUSEHOLD_SIZE = 50;
/** Mediators in one room at most. */
export const MAX_MEDIATORS = 500;
const DAY_MS = 86_400_000;

/**
 * Maps every row of a source to a candidate record of the mapping's layer, in WGS84, or to the
 * reasons it cannot be one. Throws ImportFileError when the file as a whole cannot serve the
 * layer: a mapped column it does not have, areas without polygons, points without coordinates.
 */
export function mapRows<L extends ImportLayer>(table: SourceTable, mapping: ImportMapping & { layer: L }): MappedRow<CandidateByLayer[L]>[] {
  checkColumns(table, mapping);
  const crs: CoordinateSystem = mapping.crs ?? table.declaredCrs ?? 'wgs84';
  const mapOne = ROW_MAPPERS[mapping.layer] as unknown as (r: RowReader, m: ImportMapping, crs: CoordinateSystem) => CandidateByLayer[L];
  return table.rows.map((source, i) => {
    const reader = new RowReader(source, mapping.fields);
    const record = mapOne(reader, mapping, crs);
    const key = rowKey(record as unknown as Record<string, unknown>, i + 1);
    return reader.problems.length > 0 ? { row: i + 1, key, problems: reader.problems } : { row: i + 1, key, record };
  });
}

/** What names a row to a person: its code, external id, address or name, else its number. */
function rowKey(record: Record<string, unknown>, row: number): string {
  for (const field of ['code', 'externalId', 'address', 'name']) {
    const value = record[field];
    if (typeof value === 'string' && value !== '') return value;
  }
  return `#${row}`;
}

function checkColumns(table: SourceTable, mapping: ImportMapping): void {
  const columns = new Set(table.columns);
  for (const [field, column] of Object.entries(mapping.fields)) {
    if (!columns.has(column)) {
      throw new ImportFileError(`the file has no column '${column}' (mapped to ${field}); it has: ${table.columns.join(', ')}`, `fields.${field}`);
    }
  }
  for (const { field, required } of IMPORT_FIELDS[mapping.layer]) {
    if (required && mapping.fields[field] === undefined) {
      throw new ImportFileError(`no column is mapped to the required field '${field}'`, `fields.${field}`);
    }
  }
  const hasGeometry = table.rows.some((r) => r.geometry !== null);
  if (mapping.layer === 'areas') {
    if (!hasGeometry) throw new ImportFileError('areas need polygons: import them from GeoJSON or a zipped Shapefile, not CSV');
    return;
  }
  if (!hasGeometry && (mapping.fields.lon === undefined || mapping.fields.lat === undefined)) {
    throw new ImportFileError(
      `the file has no coordinate columns: map its longitude and latitude columns to lon and lat (columns: ${table.columns.join(', ')})`,
      mapping.fields.lon === undefined ? 'fields.lon' : 'fields.lat',
    );
  }
}

/** Reads typed values out of one source row and collects what is wrong with them. */
class RowReader {
  readonly problems: RowProblem[] = [];

  constructor(
    readonly source: SourceRow,
    private readonly fields: Record<string, string>,
  ) {}

  text(field: string, required = false): string | null {
    const column = this.fields[field];
    const raw = column === undefined ? null : this.source.properties[column];
    const text = raw === null || raw === undefined ? '' : String(raw).trim();
    if (text === '') {
      if (required) this.fail('missing_value', field, `${field} is empty`);
      return null;
    }
    return text;
  }

  number(field: string, options: { required?: boolean; integer?: boolean; min?: number; max?: number } = {}): number | null {
    const text = this.text(field, options.required);
    if (text === null) return null;
    const value = Number(text.replace(/,/g, ''));
    const { integer = false, min = -Infinity, max = Infinity } = options;
    if (!Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min || value > max) {
      const what = integer ? 'a whole number' : 'a number';
      this.fail('invalid_value', field, `${field} '${text}' is not ${what} from ${min} to ${max}`);
      return null;
    }
    return value;
  }

  word<T extends string>(field: string, lookup: (w: string) => T | null, fallback: T | null, required = false): T | null {
    const text = this.text(field, required);
    if (text === null) return fallback;
    const code = lookup(text);
    if (code === null) this.fail('invalid_value', field, `${field} '${text}' is not a known value`);
    return code;
  }

  list<T extends string>(field: string, lookup: (w: string) => T | null): T[] {
    const text = this.text(field);
    if (text === null) return [];
    const codes: T[] = [];
    for (const w of splitList(text)) {
      const code = lookup(w);
      if (code === null) this.fail('invalid_value', field, `${field} '${w}' is not a known value`);
      else if (!codes.includes(code)) codes.push(code);
    }
    return codes;
  }

  /** An ISO instant (UTC) from '2025-03-01', '2025/3/1 14:05', '2025-03-01T14:05:00+08:00' …; local times are county time. */
  time(field: string, required = false): string | null {
    const text = this.text(field, required);
    if (text === null) return null;
    try {
      return new Date(parseCountyTime(normaliseTime(text)).start).toISOString();
    } catch {
      this.fail('invalid_value', field, `${field} '${text}' is not a date or date-time`);
      return null;
    }
  }

  /** The row's position in WGS84: its point geometry, else its lon/lat columns. */
  point(crs: CoordinateSystem): [number, number] {
    const g = this.source.geometry;
    let position: [number, number] | null = null;
    if (g !== null) {
      if (g.type === 'Point' && isPosition(g.coordinates)) position = [g.coordinates[0], g.coordinates[1]];
      else this.fail('invalid_geometry', 'geometry', `a ${g.type} is not a point`);
    } else {
      const lon = this.number('lon', { required: true, min: -180, max: 180 });
      const lat = this.number('lat', { required: true, min: -90, max: 90 });
      if (lon !== null && lat !== null) position = [lon, lat];
    }
    return position === null ? [NaN, NaN] : toWgs84(position, crs);
  }

  fail(code: RowProblem['code'], field: string, message: string): void {
    this.problems.push({ code, field, message });
  }
}

function normaliseTime(text: string): string {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (!m) return text;
  const [, y, mo, d, h, mi, s] = m;
  const date = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return h === undefined ? date : `${date}T${h.padStart(2, '0')}:${mi}:${s ?? '00'}+08:00`;
}

function isPosition(p: unknown): p is Position {
  return Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1]);
}

const ROW_MAPPERS: { [L in ImportLayer]: (r: RowReader, m: ImportMapping, crs: CoordinateSystem) => CandidateByLayer[L] } = {
  areas(r, m, crs): AreaCandidate {
    const level = m.level!;
    const code = r.text('code', true) ?? '';
    const parentCode = r.text('parentCode');
    if (level !== 'county' && parentCode === null) r.fail('missing_value', 'parentCode', `parentCode is empty; a ${level} needs its parent`);
    if (code !== '' && !/^\d+$/.test(code)) r.fail('invalid_value', 'code', `code '${code}' is not digits`);
    else if (code !== '' && code.length !== AREA_CODE_LENGTH[level]) {
      r.fail('invalid_value', 'code', `code '${code}' has ${code.length} digits; a ${level} code has ${AREA_CODE_LENGTH[level]}`);
    }
    const problem = polygonProblem(r.source.geometry);
    if (problem) r.problems.push(problem);
    return {
      code,
      name: r.text('name', true) ?? '',
      level,
      parentCode: level === 'county' ? null : parentCode,
      geometry: problem ? (r.source.geometry as Polygon) : convertPolygon(r.source.geometry as Polygon | MultiPolygon, crs),
    };
  },
  households(r, _m, crs): HouseholdCandidate {
    const [lon, lat] = r.point(crs);
    return {
      lon,
      lat,
      externalId: r.text('externalId'),
      address: r.text('address', true) ?? '',
      size: r.number('size', { required: true, integer: true, min: 1, max: MAX_HOUSEHOLD_SIZE }) ?? 1,
      tags: r.list('tags', (w) => codeOf('tag', w)),
      headName: r.text('headName') ?? '',
      phone: r.text('phone') ?? '',
    };
  },
  mediation_points(r, _m, crs): MediationPointCandidate {
    const [lon, lat] = r.point(crs);
    return {
      lon,
      lat,
      externalId: r.text('externalId'),
      name: r.text('name', true) ?? '',
      kind: r.word('kind', (w) => codeOf('mediationKind', w), null, true) ?? 'people_committee',
      areaCode: r.text('areaCode'),
      level: r.word('level', (w) => codeOf('level', w), null),
      address: r.text('address') ?? '',
      mediators: r.number('mediators', { integer: true, min: 0, max: MAX_MEDIATORS }) ?? 0,
      phone: r.text('phone') ?? '',
      disputeKinds: r.list('disputeKinds', (w) => codeOf('incidentKind', w)),
    };
  },
  incidents(r, _m, crs): IncidentCandidate {
    const [lon, lat] = r.point(crs);
    const kind = r.word('kind', (w) => codeOf('incidentKind', w), null, true) ?? 'neighbour';
    const severity = (r.number('severity', { integer: true, min: 1, max: 3 }) ?? 1) as Severity;
    const status = r.word('status', (w) => codeOf('incidentStatus', w), 'reported') ?? 'reported';
    const reportedAt = r.time('reportedAt', true) ?? new Date(0).toISOString();
    const deadlineAt = r.time('deadlineAt') ?? new Date(Date.parse(reportedAt) + deadlineDays(kind, severity) * DAY_MS).toISOString();
    const resolvedAt = r.time('resolvedAt');
    const closedAt = r.time('closedAt');
    if (status === 'closed' && closedAt === null) r.fail('missing_value', 'closedAt', 'a closed incident needs closedAt');
    if (OPEN_STATUSES.includes(status) && closedAt !== null) r.fail('invalid_value', 'closedAt', `an incident that is ${status} has no closedAt`);
    for (const [field, at] of [['deadlineAt', deadlineAt], ['resolvedAt', resolvedAt], ['closedAt', closedAt]] as const) {
      if (at !== null && at < reportedAt) r.fail('invalid_value', field, `${field} ${at} is before reportedAt ${reportedAt}`);
    }
    const level = r.word('level', (w) => codeOf('level', w), 'grid') ?? 'grid';
    return {
      lon,
      lat,
      externalId: r.text('externalId'),
      kind,
      status,
      severity,
      source: r.word('source', (w) => codeOf('incidentSource', w), 'patrol') ?? 'patrol',
      level,
      description: r.text('description') ?? '',
      reportedAt,
      deadlineAt,
      resolvedAt,
      closedAt,
    };
  },
};

/**
 * The polygon in WGS84 with RFC 7946 winding (outer rings counter-clockwise, holes clockwise):
 * shapefiles wind the other way, and one winding keeps later area and label sums simple.
 */
function convertPolygon(geometry: Polygon | MultiPolygon, crs: CoordinateSystem): Polygon | MultiPolygon {
  const ring = (positions: Position[], outer: boolean) => {
    const converted = crs === 'wgs84' || crs === 'cgcs2000' ? positions.map((p) => [p[0], p[1]]) : positions.map((p) => toWgs84([p[0], p[1]], crs));
    return (signedRingArea(converted) > 0) === outer ? converted : converted.reverse();
  };
  const rings = (polygon: Position[][]) => polygon.map((r, i) => ring(r, i === 0));
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: rings(geometry.coordinates) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(rings) };
}
