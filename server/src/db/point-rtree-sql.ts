import type { Db } from './open-db.ts';

/** The tables whose points have an R*Tree `<table>_rtree (id, min_lon, max_lon, min_lat, max_lat)` (001-init.sql). */
export type PointTable = 'households' | 'incidents';

/**
 * SQLite's R*Tree node, as rtree.c stores it in `<name>_node.data`: a 4-byte header (the tree's
 * depth, on the root only, then the cell count, each a big-endian uint16) and cells of a
 * big-endian int64 id and four big-endian float32 coordinates, zero-padded to the node size.
 */
const NODE_HEADER_BYTES = 4;
const CELL_BYTES = 8 + 4 * 4;

/** rtree.c's factors for rounding a double to the float32 below or above it (RNDTOWARDS, RNDAWAY). */
const RND_TOWARDS = 1 - 1 / 8388608;
const RND_AWAY = 1 + 1 / 8388608;

/** The float32 an R*Tree stores for a box's lower edge `d`: at or below it (rtree.c's rtreeValueDown). */
export function rtreeValueDown(d: number): number {
  let f = Math.fround(d);
  if (f > d) f = Math.fround(d * (d < 0 ? RND_AWAY : RND_TOWARDS));
  return f;
}

/** The float32 an R*Tree stores for a box's upper edge `d`: at or above it (rtree.c's rtreeValueUp). */
export function rtreeValueUp(d: number): number {
  let f = Math.fround(d);
  if (f < d) f = Math.fround(d * (d < 0 ? RND_TOWARDS : RND_AWAY));
  return f;
}

/** Rows of the id → leaf map written per statement: one call per row was a tenth of the fill. */
const ROWIDS_PER_STATEMENT = 256;

/** Bits of a sort key: Hilbert index and row position packed in one double's 53-bit integer range. */
const SORT_KEY_BITS = 52;
/** At most this many bits per axis of the Hilbert grid (65,536 cells a side). */
const MAX_HILBERT_ORDER = 16;

/**
 * Fills the empty R*Tree of `table` with one entry per row (the row's point as a degenerate box),
 * built at once as a packed tree: rows in Hilbert order over their bounding box, full nodes
 * level by level. What a row-by-row insert would store, but written as nodes: SQLite's R*Tree
 * has no bulk load, and inserting 10 M points one at a time rewrote a node and its ancestors
 * per point (three quarters of a province's load, docs/benchmarks.md, bench 4). The entries are
 * those `INSERT INTO <table>_rtree VALUES (id, lon, lon, lat, lat)` makes, rounded as rtree.c
 * rounds; `rtreecheck` accepts the tree, and later inserts and deletes go through SQLite as usual.
 * Writing the shadow tables needs better-sqlite3's unsafe mode (SQLite's defensive flag off),
 * on for this call only. Call it inside the load's transaction. `logged`: the rows' ids and
 * points as the load inserted them (insertHouseholds, insertIncidents), which spares reading
 * the table back (a tenth of a province's load); without it the rows are read. Returns the entries written.
 */
export function fillPointRtree(db: Db, table: PointTable, logged?: PointLog): number {
  const rtree = `${table}_rtree`;
  if (db.prepare(`SELECT EXISTS (SELECT 1 FROM ${rtree}_rowid)`).pluck().get()) {
    throw new Error(`fillPointRtree: ${rtree} already holds entries; fill it only after a fresh load`);
  }
  const nodeBytes = db.prepare(`SELECT length(data) FROM ${rtree}_node WHERE nodeno = 1`).pluck().get() as number;
  const fanout = Math.floor((nodeBytes - NODE_HEADER_BYTES) / CELL_BYTES);

  const points = withBoxes(logged ?? readPoints(db, table));
  const n = points.count;
  if (n === 0) return 0;
  const order = hilbertOrder(points);

  db.unsafeMode(true);
  try {
    writeTree(db, rtree, nodeBytes, fanout, points, order);
  } finally {
    db.unsafeMode(false);
  }
  return n;
}

/** Writes the nodes, parents and rowid map of the packed tree (shadow tables: unsafe mode on). */
function writeTree(db: Db, rtree: string, nodeBytes: number, fanout: number, points: Points, order: Uint32Array): void {
  const n = points.count;
  const writeNode = db.prepare(`INSERT INTO ${rtree}_node (nodeno, data) VALUES (?, ?)`);
  const writeRoot = db.prepare(`UPDATE ${rtree}_node SET data = ? WHERE nodeno = 1`);
  const writeParent = db.prepare(`INSERT INTO ${rtree}_parent (nodeno, parentnode) VALUES (?, ?)`);
  const writeRowid = db.prepare(`INSERT INTO ${rtree}_rowid (rowid, nodeno) VALUES (?, ?)`);
  const writeRowids = db.prepare(`INSERT INTO ${rtree}_rowid (rowid, nodeno) VALUES ${Array(ROWIDS_PER_STATEMENT).fill('(?, ?)').join(', ')}`);
  const blob = Buffer.alloc(nodeBytes);
  /** The leaf that holds each row, by its position in `points`. */
  const leafOf = new Float64Array(n);

  // Level 0: the points in Hilbert order; each level above: the nodes just written, in order.
  let ids = new Float64Array(n);
  let boxes = new Float32Array(4 * n);
  for (let j = 0; j < n; j++) {
    const i = order[j];
    ids[j] = points.ids[i];
    boxes.set(points.boxes.subarray(4 * i, 4 * i + 4), 4 * j);
  }
  let nextNode = 2;
  for (let depth = 0; ; depth++) {
    const m = ids.length;
    const isRoot = m <= fanout;
    const groups = isRoot ? 1 : Math.ceil(m / fanout);
    const upIds = new Float64Array(groups);
    const upBoxes = new Float32Array(4 * groups);
    for (let g = 0; g < groups; g++) {
      // Even groups (sizes differ by one at most), so no node is left nearly empty at the end.
      const from = Math.floor((g * m) / groups);
      const to = Math.floor(((g + 1) * m) / groups);
      const nodeNo = isRoot ? 1 : nextNode++;
      encodeNode(blob, isRoot ? depth : 0, ids, boxes, from, to, upBoxes, 4 * g);
      if (isRoot) writeRoot.run(blob);
      else writeNode.run(nodeNo, blob);
      for (let c = from; c < to; c++) {
        if (depth === 0) leafOf[order[c]] = nodeNo;
        else writeParent.run(ids[c], nodeNo);
      }
      upIds[g] = nodeNo;
    }
    if (isRoot) break;
    ids = upIds;
    boxes = upBoxes;
  }
  // In the rows' order (ascending ids from a load), so that the map's B-tree grows at its end.
  const whole = n - (n % ROWIDS_PER_STATEMENT);
  const params: number[] = new Array(2 * ROWIDS_PER_STATEMENT);
  for (let start = 0; start < whole; start += ROWIDS_PER_STATEMENT) {
    for (let k = 0; k < ROWIDS_PER_STATEMENT; k++) {
      params[2 * k] = points.ids[start + k];
      params[2 * k + 1] = leafOf[start + k];
    }
    writeRowids.run(params);
  }
  for (let i = whole; i < n; i++) writeRowid.run(points.ids[i], leafOf[i]);
}

/** Ids and [lon, lat] of rows in the order a load inserts them, kept for `fillPointRtree`. */
export class PointLog {
  count = 0;
  ids: Float64Array = new Float64Array(1 << 12);
  lon: Float64Array = new Float64Array(1 << 12);
  lat: Float64Array = new Float64Array(1 << 12);

  push(id: number, lon: number, lat: number): void {
    if (this.count === this.ids.length) {
      const capacity = 2 * this.count;
      this.ids = grow(this.ids, capacity);
      this.lon = grow(this.lon, capacity);
      this.lat = grow(this.lat, capacity);
    }
    this.ids[this.count] = id;
    this.lon[this.count] = lon;
    this.lat[this.count] = lat;
    this.count++;
  }
}

/** Rows' ids, points and boxes (min_lon, max_lon, min_lat, max_lat, as the R*Tree stores them). */
interface Points {
  count: number;
  ids: Float64Array;
  lon: Float64Array;
  lat: Float64Array;
  boxes: Float32Array;
}

function readPoints(db: Db, table: PointTable): PointLog {
  const log = new PointLog();
  for (const [id, lon, lat] of db.prepare(`SELECT id, lon, lat FROM ${table} ORDER BY id`).raw().iterate() as IterableIterator<[number, number, number]>) {
    log.push(id, lon, lat);
  }
  return log;
}

function withBoxes(log: PointLog): Points {
  const { count, lon, lat } = log;
  const boxes = new Float32Array(4 * count);
  for (let i = 0; i < count; i++) {
    boxes[4 * i] = rtreeValueDown(lon[i]);
    boxes[4 * i + 1] = rtreeValueUp(lon[i]);
    boxes[4 * i + 2] = rtreeValueDown(lat[i]);
    boxes[4 * i + 3] = rtreeValueUp(lat[i]);
  }
  return { count, ids: log.ids.subarray(0, count), lon: lon.subarray(0, count), lat: lat.subarray(0, count), boxes };
}

function grow(a: Float64Array, capacity: number): Float64Array {
  const b = new Float64Array(capacity);
  b.set(a);
  return b;
}

/** Writes cells `from`..`to` of `ids`/`boxes` into `blob` as one node, and their union into `union` at `at`. */
function encodeNode(blob: Buffer, depth: number, ids: Float64Array, boxes: Float32Array, from: number, to: number, union: Float32Array, at: number): void {
  blob.fill(0);
  blob.writeUInt16BE(depth, 0);
  blob.writeUInt16BE(to - from, 2);
  let minLon = Infinity, maxLon = -Infinity, minLat = Infinity, maxLat = -Infinity;
  for (let c = from, off = NODE_HEADER_BYTES; c < to; c++, off += CELL_BYTES) {
    const id = ids[c];
    blob.writeUInt32BE(Math.floor(id / 2 ** 32), off);
    blob.writeUInt32BE(id >>> 0, off + 4);
    const b = 4 * c;
    blob.writeFloatBE(boxes[b], off + 8);
    blob.writeFloatBE(boxes[b + 1], off + 12);
    blob.writeFloatBE(boxes[b + 2], off + 16);
    blob.writeFloatBE(boxes[b + 3], off + 20);
    if (boxes[b] < minLon) minLon = boxes[b];
    if (boxes[b + 1] > maxLon) maxLon = boxes[b + 1];
    if (boxes[b + 2] < minLat) minLat = boxes[b + 2];
    if (boxes[b + 3] > maxLat) maxLat = boxes[b + 3];
  }
  union[at] = minLon;
  union[at + 1] = maxLon;
  union[at + 2] = minLat;
  union[at + 3] = maxLat;
}

/**
 * Positions of the points sorted by their index along a Hilbert curve over the points' bounding
 * box, so that each run of a node's worth of points is compact. Sorted as doubles (key above, position
 * below), which the engine sorts natively: the curve's order shrinks as the count grows.
 */
function hilbertOrder(points: Points): Uint32Array {
  const n = points.count;
  const positionBits = Math.max(1, Math.ceil(Math.log2(n)));
  const order = Math.min(MAX_HILBERT_ORDER, Math.floor((SORT_KEY_BITS - positionBits) / 2));
  const side = 2 ** order;
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, points.lon[i]);
    maxX = Math.max(maxX, points.lon[i]);
    minY = Math.min(minY, points.lat[i]);
    maxY = Math.max(maxY, points.lat[i]);
  }
  const scaleX = maxX > minX ? (side - 1) / (maxX - minX) : 0;
  const scaleY = maxY > minY ? (side - 1) / (maxY - minY) : 0;
  const keys = new Float64Array(n);
  const shift = 2 ** positionBits;
  for (let i = 0; i < n; i++) {
    const x = Math.round((points.lon[i] - minX) * scaleX);
    const y = Math.round((points.lat[i] - minY) * scaleY);
    keys[i] = hilbertIndex(x, y, side) * shift + i;
  }
  keys.sort();
  const result = new Uint32Array(n);
  for (let j = 0; j < n; j++) result[j] = keys[j] % shift;
  return result;
}

/** The distance along the Hilbert curve of a `side`×`side` grid (a power of two) to cell (x, y). */
function hilbertIndex(x: number, y: number, side: number): number {
  let d = 0;
  for (let s = side / 2; s >= 1; s /= 2) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        x = side - 1 - x;
        y = side - 1 - y;
      }
      const t = x;
      x = y;
      y = t;
    }
  }
  return d;
}
