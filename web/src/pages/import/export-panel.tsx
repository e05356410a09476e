import { EXPORT_FORMATS } from '@gridmap/shared';
import { useI18n } from '../../i18n/locale-context.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { EXPORT_LAYERS, exportUrl, type ExportLayer } from './export-links.ts';

const FORMAT_LABELS: Record<(typeof EXPORT_FORMATS)[number], string> = { geojson: 'GeoJSON', csv: 'CSV', shp: 'Shapefile' };
const POINT_LAYER_LABELS: Record<Exclude<ExportLayer['layer'], 'areas'>, MessageKey> = {
  households: 'import.layer.households',
  'mediation-points': 'import.layer.mediation_points',
  incidents: 'import.layer.incidents',
};

/** Downloads of every layer in every format; the same routes take the list routes' filters. */
export function ExportPanel() {
  const { t } = useI18n();
  return (
    <section className="data-card export-card" data-testid="export-panel">
      <h3 className="data-card-title">{t('export.title')}</h3>
      <p className="data-hint">{t('export.hint')}</p>
      <table className="export-table">
        <thead>
          <tr>
            <th>{t('export.layer')}</th>
            <th colSpan={EXPORT_FORMATS.length}>{t('export.format')}</th>
          </tr>
        </thead>
        <tbody>
          {EXPORT_LAYERS.map((layer) => (
            <tr key={layer.id}>
              <td>{layer.layer === 'areas' ? t('export.areasAt', { level: t(`level.${layer.level!}`) }) : t(POINT_LAYER_LABELS[layer.layer])}</td>
              {EXPORT_FORMATS.map((format) => (
                <td key={format}>
                  <a className="export-link" href={exportUrl(layer, format)} download data-testid={`export-${layer.id}-${format}`}>
                    {FORMAT_LABELS[format]}
                  </a>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
