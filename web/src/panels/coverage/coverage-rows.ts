import type { AreaLevel, Coverage, IncidentKind } from '@gridmap/shared';

/** One line of the coverage table. */
export interface CoverageRow {
  areaId: number;
  name: string;
  households: number;
  uncovered: number;
  /** uncovered / households, 0 for an area without households. */
  share: number;
}

/** The areas of `level` with their uncovered households of `kind`, the worst served first (ties by name). */
export function coverageRows(coverage: Coverage, kind: IncidentKind, level: AreaLevel): CoverageRow[] {
  return coverage.areas
    .filter((a) => a.level === level)
    .map((a) => {
      const uncovered = a.uncovered[kind] ?? 0;
      return { areaId: a.areaId, name: a.name, households: a.households, uncovered, share: a.households > 0 ? uncovered / a.households : 0 };
    })
    .sort((a, b) => b.share - a.share || a.name.localeCompare(b.name, 'zh-CN'));
}

/** A share as a percentage with one decimal under 10 % ('4.2%'), whole above ('37%'). */
export function formatShare(share: number): string {
  const percent = share * 100;
  return `${percent < 10 ? percent.toFixed(1) : Math.round(percent)}%`;
}
