import { z } from 'zod';
import { areaLevelSchema } from '../areas/area-level.ts';
import { coordinateSystemSchema } from './coordinate-system.ts';
import { textEncodingSchema } from './decode-text.ts';
import { IMPORT_FIELDS, importLayerSchema } from './import-layer.ts';

/**
 * How a source's columns become GridMap fields: `fields` maps a GridMap field (IMPORT_FIELDS) to
 * a source column. `crs` left out means the .prj's system, else WGS84. `level` is the level the
 * rows of an areas import are at. Saved under a name, a mapping is reused for next month's file.
 */
export const importMappingSchema = z
  .object({
    layer: importLayerSchema,
    level: areaLevelSchema.optional(),
    crs: coordinateSystemSchema.optional(),
    encoding: textEncodingSchema.default('auto'),
    fields: z.record(z.string(), z.string().min(1)).default({}),
  })
  .superRefine((m, ctx) => {
    if (m.layer === 'areas' && m.level === undefined) {
      ctx.addIssue({ code: 'custom', path: ['level'], message: 'an areas import names the level its rows are at' });
    }
    const known = new Set(IMPORT_FIELDS[m.layer].map((f) => f.field));
    for (const field of Object.keys(m.fields)) {
      if (!known.has(field)) {
        ctx.addIssue({ code: 'custom', path: ['fields', field], message: `'${field}' is not a field of ${m.layer}` });
      }
    }
  });
export type ImportMapping = z.infer<typeof importMappingSchema>;
export type ImportMappingInput = z.input<typeof importMappingSchema>;

/** A mapping saved under a name. */
export const savedMappingSchema = z.object({
  name: z.string().min(1).max(100),
  mapping: importMappingSchema,
  savedAt: z.string(),
});
export type SavedMapping = z.infer<typeof savedMappingSchema>;

/** Column names that usually hold a field, for a first guess at the mapping (lower case). */
const COLUMN_GUESSES: Record<string, readonly string[]> = {
  lon: ['lon', 'lng', 'long', 'longitude', 'x', '经度', 'point_x'],
  lat: ['lat', 'latitude', 'y', '纬度', 'point_y'],
  code: ['code', 'areacode', 'gridcode', '编码', '代码', '网格编码', '区划代码', '行政区划代码'],
  name: ['name', 'areaname', 'gridname', '名称', '网格名称', '调解室名称'],
  parentCode: ['parentcode', 'parent_code', 'parent', '上级编码', '上级代码', '父级编码', '社区编码', '所属社区编码', '乡镇编码'],
  address: ['address', 'addr', '地址', '住址', '门牌地址'],
  size: ['size', 'residents', 'members', '人数', '户人数', '家庭人数', '人口数'],
  tags: ['tags', 'tag', '标签', '人员类别', '类别'],
  headName: ['headname', 'head', 'name', '户主', '户主姓名', '姓名'],
  phone: ['phone', 'tel', 'mobile', '电话', '联系电话', '手机'],
  externalId: ['id', 'externalid', 'fid', '编号', '户编号'],
  kind: ['kind', 'type', '类型', '纠纷类型', '类别'],
  areaCode: ['areacode', 'area_code', '所属区域编码', '区域编码'],
  level: ['level', '层级', '级别'],
  mediators: ['mediators', '调解员', '调解员人数'],
  disputeKinds: ['disputekinds', 'dispute_kinds', '受理类型', '调解范围'],
  reportedAt: ['reportedat', 'reported_at', 'date', '上报时间', '受理时间', '登记时间'],
  description: ['description', 'desc', '描述', '事件描述', '纠纷描述', '简要案情'],
  status: ['status', '状态', '办理状态'],
  severity: ['severity', '等级', '严重程度'],
  source: ['source', '来源'],
  deadlineAt: ['deadlineat', 'deadline', '办结期限', '期限'],
  resolvedAt: ['resolvedat', 'resolved_at', '化解时间', '调处时间'],
  closedAt: ['closedat', 'closed_at', '办结时间'],
};

/** A first guess at `fields` from the source's column names; the user corrects it. */
export function guessFields(layer: z.infer<typeof importLayerSchema>, columns: readonly string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  const taken = new Set<string>();
  for (const { field } of IMPORT_FIELDS[layer]) {
    const guesses = COLUMN_GUESSES[field] ?? [];
    const column = columns.find((c) => !taken.has(c) && guesses.includes(c.trim().toLowerCase()));
    if (column !== undefined) {
      fields[field] = column;
      taken.add(column);
    }
  }
  return fields;
}
