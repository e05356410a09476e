import type { IncidentStatus } from '@gridmap/shared';

/**
 * Colour of an incident by status: open stages warm (amber to red-orange as the case moves
 * on), resolved and followed up green, failed and referred purple, closed grey.
 */
export const INCIDENT_STATUS_COLOURS: Record<IncidentStatus, string> = {
  reported: '#fbbf24',
  accepted: '#f59e0b',
  assigned: '#f97316',
  mediating: '#ea580c',
  resolved: '#16a34a',
  followed_up: '#0d9488',
  failed: '#a855f7',
  referred: '#7c3aed',
  closed: '#9ca3af',
};

/** Ring colour of an overdue incident (open and past its deadline). */
export const OVERDUE_RING_COLOUR = '#dc2626';
