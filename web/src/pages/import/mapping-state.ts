import { IMPORT_FIELDS, type AreaLevel, type CoordinateSystem, type ImportLayer, type ImportMappingInput, type TextEncodingChoice } from '@gridmap/shared';

/** The mapping form's state: what the user has chosen so far. */
export interface MappingState {
  layer: ImportLayer;
  level: AreaLevel;
  /** null: the file's .prj, else WGS84. */
  crs: CoordinateSystem | null;
  encoding: TextEncodingChoice;
  /** GridMap field → source column; absent fields are not imported. */
  fields: Record<string, string>;
}

/** The mapping the API takes, from the form's state: only the layer's fields, the level only for areas. */
export function toMapping(state: MappingState): ImportMappingInput {
  const known = new Set(IMPORT_FIELDS[state.layer].map((f) => f.field));
  const fields = Object.fromEntries(Object.entries(state.fields).filter(([field, column]) => known.has(field) && column !== ''));
  return {
    layer: state.layer,
    ...(state.layer === 'areas' && { level: state.level }),
    ...(state.crs !== null && { crs: state.crs }),
    encoding: state.encoding,
    fields,
  };
}

/** The required fields of the layer that no column is mapped to yet. */
export function missingRequired(state: MappingState): string[] {
  return IMPORT_FIELDS[state.layer].filter((f) => f.required && !state.fields[f.field]).map((f) => f.field);
}
