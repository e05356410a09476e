import {
  AREA_LEVELS,
  COORDINATE_SYSTEMS,
  IMPORT_FIELDS,
  IMPORT_LAYERS,
  TEXT_ENCODINGS,
  type ImportLayer,
  type ImportPreview,
  type ImportReport,
  type ImportResult,
} from '@gridmap/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/locale-context.tsx';
import { allows, useSession } from '../../session/use-session.ts';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { ExportPanel } from './export-panel.tsx';
import { applyImport, dryRunImport, previewImport, saveMapping, savedMappingsQueryOptions } from './import-api.ts';
import { ImportReportView } from './import-report-view.tsx';
import { missingRequired, toMapping, type MappingState } from './mapping-state.ts';

const FORMAT_NAMES = { geojson: 'GeoJSON', shapefile: 'Shapefile', csv: 'CSV' } as const;
const INITIAL: MappingState = { layer: 'households', level: 'grid', crs: null, encoding: 'auto', fields: {} };

/** The data page: import (file → mapping → dry-run report → apply) beside the exports. */
export function ImportPage({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { session } = useSession();
  return (
    <div className="data-page" data-testid="data-page">
      <div className="data-page-head">
        <h2>{t('data.title')}</h2>
        <button type="button" className="data-button" onClick={onClose}>
          {t('data.backToMap')}
        </button>
      </div>
      <div className="data-columns">
        {allows(session, 'import') ? (
          <ImportCard />
        ) : (
          <section className="data-card">
            <h3 className="data-card-title">{t('import.title')}</h3>
            <p className="data-hint">{t('import.notAllowed')}</p>
          </section>
        )}
        <ExportPanel />
      </div>
    </div>
  );
}

function ImportCard() {
  const { t, format } = useI18n();
  const queryClient = useQueryClient();
  const [state, setState] = useState<MappingState>(INITIAL);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [skipRejected, setSkipRejected] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [mappingName, setMappingName] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const saved = useQuery(savedMappingsQueryOptions(state.layer));

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await work();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  // A new file, layer or encoding: read the file again and start the mapping from the server's guess.
  useEffect(() => {
    setPreview(null);
    setReport(null);
    setResult(null);
    if (file === null) return;
    void run(async () => {
      const p = await previewImport(file, state.layer, state.encoding);
      setPreview(p);
      setState((s) => ({ ...s, fields: p.guessedFields }));
    });
  }, [file, state.layer, state.encoding]); // eslint-disable-line react-hooks/exhaustive-deps

  const update = (change: Partial<MappingState>) => {
    setState((s) => ({ ...s, ...change }));
    setReport(null);
    setResult(null);
  };
  const missing = missingRequired(state);
  const canRun = file !== null && preview !== null && missing.length === 0 && !busy;

  return (
    <section className="data-card import-card" data-testid="import-card">
      <h3 className="data-card-title">{t('import.title')}</h3>
      <p className="data-hint">{t('import.hint')}</p>

      <h4 className="import-subheading">{t('import.step.file')}</h4>
      <div className="import-grid">
        <label>
          <span>{t('import.layer')}</span>
          <select data-testid="import-layer" value={state.layer} onChange={(e) => update({ layer: e.target.value as ImportLayer })}>
            {IMPORT_LAYERS.map((l) => (
              <option key={l} value={l}>{t(`import.layer.${l}`)}</option>
            ))}
          </select>
        </label>
        {state.layer === 'areas' && (
          <label>
            <span>{t('import.level')}</span>
            <select data-testid="import-level" value={state.level} onChange={(e) => update({ level: e.target.value as MappingState['level'] })}>
              {AREA_LEVELS.map((l) => (
                <option key={l} value={l}>{t(`level.${l}`)}</option>
              ))}
            </select>
          </label>
        )}
        <label>
          <span>{t('import.file')}</span>
          {/* The native input's button speaks the browser's language; this label speaks the page's. */}
          <span className="file-picker">
            <span className="data-button">{t('import.chooseFile')}</span>
            <span className="file-name">{file?.name ?? ''}</span>
            <input
              type="file"
              data-testid="import-file"
              accept=".csv,.txt,.geojson,.json,.zip"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </span>
        </label>
        <label>
          <span>{t('import.encoding')}</span>
          <select value={state.encoding} onChange={(e) => update({ encoding: e.target.value as MappingState['encoding'] })}>
            {TEXT_ENCODINGS.map((enc) => (
              <option key={enc} value={enc}>{enc === 'auto' ? t('import.encoding.auto') : enc.toUpperCase()}</option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('import.crs')}</span>
          <select data-testid="import-crs" value={state.crs ?? ''} onChange={(e) => update({ crs: e.target.value === '' ? null : (e.target.value as MappingState['crs']) })}>
            <option value="">{t('import.crs.fromFile')}</option>
            {COORDINATE_SYSTEMS.map((crs) => (
              <option key={crs} value={crs}>{t(`import.crs.${crs}`)}</option>
            ))}
          </select>
        </label>
      </div>
      {preview && (
        <p className="import-summary" data-testid="import-summary">
          {t('import.fileSummary', {
            format: FORMAT_NAMES[preview.format],
            rows: preview.rowCount,
            encoding: preview.encoding?.toUpperCase() ?? t('import.noEncoding'),
            crs: (state.crs ?? preview.declaredCrs ?? 'wgs84').toUpperCase(),
          })}
        </p>
      )}

      {preview && (
        <>
          <h4 className="import-subheading">{t('import.step.mapping')}</h4>
          <table className="mapping-table" data-testid="mapping-table">
            <thead>
              <tr>
                <th>{t('import.gridmapField')}</th>
                <th>{t('import.sourceColumn')}</th>
                <th>{t('import.sample')}</th>
              </tr>
            </thead>
            <tbody>
              {IMPORT_FIELDS[state.layer].map(({ field, required }) => {
                const column = state.fields[field] ?? '';
                return (
                  <tr key={field} className={required && !column ? 'missing' : ''}>
                    <td>
                      {t(`importField.${field}` as MessageKey)}
                      {required && <span className="required-mark">{t('import.required')}</span>}
                    </td>
                    <td>
                      <select data-testid={`map-${field}`} value={column} onChange={(e) => update({ fields: { ...state.fields, [field]: e.target.value } })}>
                        <option value="">{t('import.column.none')}</option>
                        {preview.columns.map((c) => (
                          <option key={c} value={c}>{c}</option>
                        ))}
                      </select>
                    </td>
                    <td className="sample">{column ? (preview.sample[0]?.[column] ?? '') : ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="mapping-tools">
            <label>
              <span>{t('import.savedMappings')}</span>
              <select
                data-testid="saved-mappings"
                value=""
                onChange={(e) => {
                  const m = saved.data?.mappings.find((s) => s.name === e.target.value);
                  if (m) update({ fields: m.mapping.fields, crs: m.mapping.crs ?? null, encoding: m.mapping.encoding, level: m.mapping.level ?? state.level });
                }}
              >
                <option value="">{saved.data?.mappings.length ? t('import.useMapping') : t('import.savedMappings.none')}</option>
                {saved.data?.mappings.map((m) => (
                  <option key={m.name} value={m.name}>{m.name}</option>
                ))}
              </select>
            </label>
            <label>
              <span>{t('import.mappingName')}</span>
              <input data-testid="mapping-name" value={mappingName} onChange={(e) => setMappingName(e.target.value)} />
            </label>
            <button
              type="button"
              className="data-button"
              disabled={mappingName.trim() === '' || busy}
              onClick={() =>
                void run(async () => {
                  const s = await saveMapping(mappingName.trim(), toMapping(state));
                  await queryClient.invalidateQueries({ queryKey: ['imports', 'mappings'] });
                  setNotice(t('import.mappingSaved', { name: s.name }));
                })
              }
            >
              {t('import.saveMapping')}
            </button>
          </div>

          <div className="import-actions">
            <button
              type="button"
              className="data-button primary"
              data-testid="import-dry-run"
              disabled={!canRun}
              onClick={() => void run(async () => setReport(await dryRunImport(file!, toMapping(state), skipRejected)))}
            >
              {t('import.dryRun')}
            </button>
            <label className="skip-rejected">
              <input type="checkbox" checked={skipRejected} onChange={(e) => { setSkipRejected(e.target.checked); setReport(null); }} />
              {t('import.skipRejected')}
            </label>
            <button
              type="button"
              className="data-button apply"
              data-testid="import-apply"
              disabled={!canRun || report === null || !report.applicable || result !== null}
              onClick={() =>
                void run(async () => {
                  const r = await applyImport(file!, toMapping(state), skipRejected);
                  setResult(r);
                  // Everything on the map may have changed: areas, figures, points, tiles.
                  await queryClient.invalidateQueries();
                })
              }
            >
              {t('import.apply')}
            </button>
            {busy && <span className="import-busy">{t('import.working')}</span>}
          </div>
        </>
      )}
      {error && <p className="import-error" role="alert" data-testid="import-error">{error}</p>}
      {notice && <p className="import-notice">{notice}</p>}
      {result && (
        <p className="import-notice ok" data-testid="import-result">
          {t('import.applied', {
            batch: result.batchId,
            create: format.number(result.report.totals.create),
            update: format.number(result.report.totals.update),
            reject: format.number(result.report.totals.reject),
          })}
        </p>
      )}
      {report && (
        <>
          <h4 className="import-subheading">{t('import.step.report')}</h4>
          <ImportReportView report={report} />
        </>
      )}
    </section>
  );
}
