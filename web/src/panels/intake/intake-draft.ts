import {
  incidentIntakeSchema,
  type IncidentIntake,
  type IncidentKind,
  type IncidentSource,
  type Severity,
} from '@gridmap/shared';

/** The intake form as typed: text fields stay text until submitted. */
export interface IntakeDraft {
  lon: string;
  lat: string;
  kind: IncidentKind;
  severity: Severity;
  source: IncidentSource;
  description: string;
  /** `datetime-local` value in county time ('2025-06-01T08:30'), or '' for now. */
  reportedAt: string;
  partyName: string;
  partyPhone: string;
  partyRole: 'applicant' | 'respondent' | 'other';
}

export const EMPTY_DRAFT: IntakeDraft = {
  lon: '', lat: '', kind: 'neighbour', severity: 1, source: 'patrol', description: '', reportedAt: '',
  partyName: '', partyPhone: '', partyRole: 'applicant',
};

/** Which field a problem is in, and what is wrong: 'required' or 'number', else the schema's message. */
export type DraftProblem = { field: keyof IntakeDraft | 'location'; problem: 'required' | 'number' | 'invalid'; message?: string };

/** Decimal places kept of a picked coordinate: 6 is about 0.1 m. */
const COORDINATE_DECIMALS = 6;

/** A coordinate as the form shows it. */
export function coordinateText(value: number): string {
  return value.toFixed(COORDINATE_DECIMALS);
}

/**
 * The request the draft makes, or the first problem with it. `reportedAt` is typed in county
 * time (UTC+8) and sent with its offset; an empty one leaves the time to the server.
 */
export function intakeFromDraft(draft: IntakeDraft, actor: string): { intake: IncidentIntake } | { problem: DraftProblem } {
  for (const field of ['lon', 'lat'] as const) {
    if (draft[field].trim() === '') return { problem: { field, problem: 'required' } };
    if (!Number.isFinite(Number(draft[field]))) return { problem: { field, problem: 'number' } };
  }
  if (draft.description.trim() === '') return { problem: { field: 'description', problem: 'required' } };
  const party = draft.partyName.trim();
  const candidate = {
    kind: draft.kind,
    severity: draft.severity,
    source: draft.source,
    description: draft.description.trim(),
    location: { lon: Number(draft.lon), lat: Number(draft.lat) },
    ...(draft.reportedAt && { reportedAt: `${draft.reportedAt.length === 16 ? `${draft.reportedAt}:00` : draft.reportedAt}+08:00` }),
    ...(party && {
      parties: [{ name: party, role: draft.partyRole, ...(draft.partyPhone.trim() && { phone: draft.partyPhone.trim() }) }],
    }),
    actor,
  };
  const parsed = incidentIntakeSchema.safeParse(candidate);
  if (parsed.success) return { intake: candidate as IncidentIntake };
  const issue = parsed.error.issues[0];
  return { problem: { field: draftField(issue.path.map(String)), problem: 'invalid', message: issue.message } };
}

/** The form field an API or schema path points at ('location.lon' → 'lon', 'parties.0.phone' → 'partyPhone'). */
export function draftField(path: readonly string[]): DraftProblem['field'] {
  const [head, ...rest] = path;
  if (head === 'location') return rest[0] === 'lon' ? 'lon' : rest[0] === 'lat' ? 'lat' : 'location';
  if (head === 'parties') return rest[1] === 'phone' ? 'partyPhone' : rest[1] === 'role' ? 'partyRole' : 'partyName';
  if (head && head in EMPTY_DRAFT) return head as keyof IntakeDraft;
  return 'description';
}
