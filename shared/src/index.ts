export * from './areas/area-level.ts';
export * from './incidents/incident-catalogue.ts';
export * from './incidents/handling-cycle.ts';
export * from './incidents/intake-rules.ts';
export * from './incidents/level-durations.ts';
export * from './households/household-tags.ts';
export * from './mediation/mediation-catalogue.ts';
export * from './staff/staff-roles.ts';
export * from './errors.ts';
export * from './demo/county-data.ts';
export * from './api/geojson-schemas.ts';
export * from './api/areas-api.ts';
export * from './api/points-api.ts';
export * from './api/incident-writes-api.ts';
export * from './api/command-api.ts';
export * from './api/tiles-api.ts';
export * from './api/config-api.ts';
export * from './time/county-time.ts';
// Import and export (issue 10): the contract and vocabularies; the readers, planning and writers
// (papaparse, shapefile, turf, fflate) are imported by path where used, keeping them off the web bundle.
export * from './import/import-layer.ts';
export * from './import/coordinate-system.ts';
export * from './import/decode-text.ts';
export * from './import/import-mapping.ts';
export * from './import/row-problem.ts';
export * from './import/import-report.ts';
export * from './export/export-format.ts';
