import { existsSync } from 'node:fs';
import { openDatabase, type Db } from '@gridmap/server/db/open-db';
import type { PostgisProvince } from './postgis-province.ts';

/** The province database the benches read (scripts/generate-demo.ts --scale province writes it there). */
export const PROVINCE_DB = process.env.PROVINCE_DB ?? '/tmp/province/gridmap-province.sqlite';

/** One line of the province table: our figure beside PostGIS's (when there is a peer) and the goal. */
export interface ProvinceRow {
  bench: string;
  figure: string;
  ours: number;
  /** PostGIS's figure in the same unit; null where the bench has no peer or PostGIS could not run. */
  peer: number | null;
  unit: string;
  /** True for rates (more is better), false for times and memory (less is better). */
  higherIsBetter: boolean;
  goal: string;
  /** Whether the goal is met; null when it cannot be judged (no peer). */
  met: boolean | null;
  note: string;
}

/** What every province bench gets: the database and the PostGIS peer, loaded once for all of them. */
export interface ProvinceContext {
  dbPath: string;
  db: Db;
  /** The loaded PostGIS peer (started on first call), or null when it cannot run here. */
  postgis(): Promise<PostgisProvince | null>;
  log(line: string): void;
}

export type ProvinceBench = (ctx: ProvinceContext) => Promise<ProvinceRow[]>;

/** Opens the province database read for the benches; throws with the command that makes it when missing. */
export function openProvince(path = PROVINCE_DB): Db {
  if (!existsSync(path)) {
    throw new Error(`No province database at ${path}: make it with \`npx tsx scripts/generate-demo.ts --scale province\` (or set PROVINCE_DB)`);
  }
  return openDatabase(path);
}

/** How many times better ours is than the peer (>1: ours better), for either direction of unit. */
export function advantage(row: Pick<ProvinceRow, 'ours' | 'peer' | 'higherIsBetter'>): number | null {
  if (row.peer === null || row.ours === 0 || row.peer === 0) return null;
  return row.higherIsBetter ? row.ours / row.peer : row.peer / row.ours;
}
