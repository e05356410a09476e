/**
 * Why a row is rejected. The web app shows `code` through its message catalogue with the row's
 * values; `message` is the same in English for the API and the command line.
 */
export const ROW_PROBLEM_CODES = [
  'missing_value', // a required field is empty
  'invalid_value', // a value that is not a number, date or known word
  'invalid_geometry', // no geometry, the wrong type, open or self-crossing rings
  'unknown_parent', // the parent code is neither in the database nor at the level above
  'duplicate_code', // the same code twice in the file
  'duplicate_id', // the same external id twice in the file
  'outside_grids', // a point in no grid
  'unknown_area', // an area code that is not in the database
] as const;
export type RowProblemCode = (typeof ROW_PROBLEM_CODES)[number];

export interface RowProblem {
  code: RowProblemCode;
  message: string;
  /** The GridMap field at fault, when one is. */
  field?: string;
  /** [lon, lat] (WGS84) of the problem: a self-crossing, a point outside every grid. */
  where?: [number, number];
}
