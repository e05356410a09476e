import { AREA_LEVELS, type AreaLevel } from '@gridmap/shared';
import { useI18n } from '../../i18n/locale-context.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { GRID_FIGURES, type Choropleth, type GridFigure } from '../../layers/grid-fill/grid-fill-layer.ts';
import { INCIDENT_SCOPES, RECENT_DAYS } from '../../layers/incidents/incident-scope.ts';
import type { LayerSettings } from './layer-settings.ts';
import { Legend } from './legend.tsx';
import { Segmented } from './segmented.tsx';

const FIGURE_LABELS: Record<GridFigure, MessageKey> = {
  none: 'figure.none',
  households: 'figure.households',
  openIncidents: 'figure.openIncidents',
};

type PointLayer = 'households' | 'incidents' | 'mediationPoints';
const POINT_LAYERS: { key: PointLayer; label: MessageKey }[] = [
  { key: 'households', label: 'layers.households' },
  { key: 'incidents', label: 'layers.incidents' },
  { key: 'mediationPoints', label: 'layers.mediationPoints' },
];

export interface LayerPanelProps {
  settings: LayerSettings;
  onChange: (settings: LayerSettings) => void;
  choropleth: Choropleth;
}

/** The left panel: layer switches on top, the legend of what is on below. */
export function LayerPanel({ settings, onChange, choropleth }: LayerPanelProps) {
  const { t } = useI18n();
  const setBoundary = (level: AreaLevel, on: boolean) =>
    onChange({ ...settings, boundaries: { ...settings.boundaries, [level]: on } });

  return (
    <aside className="layer-panel" data-testid="layer-panel">
      <section className="panel-section">
        <h2 className="panel-heading">{t('layers.title')}</h2>
        <fieldset className="layer-group">
          <legend>{t('layers.boundaries')}</legend>
          <div className="chip-row">
            {AREA_LEVELS.map((level) => (
              <label key={level} className="chip">
                <input
                  type="checkbox"
                  checked={settings.boundaries[level]}
                  onChange={(event) => setBoundary(level, event.target.checked)}
                />
                <span>{t(`level.${level}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="layer-group">
          <legend>{t('layers.gridFill')}</legend>
          <Segmented
            name="grid-figure"
            label={t('layers.gridFill')}
            options={GRID_FIGURES}
            value={settings.gridFigure}
            optionLabel={(figure) => t(FIGURE_LABELS[figure])}
            onChange={(gridFigure) => onChange({ ...settings, gridFigure })}
          />
        </fieldset>
        <div className="layer-group">
          {POINT_LAYERS.map(({ key, label }) => (
            <div key={key}>
              <label className="switch-row">
                <input
                  type="checkbox"
                  checked={settings[key]}
                  onChange={(event) => onChange({ ...settings, [key]: event.target.checked })}
                />
                <span>{t(label)}</span>
              </label>
              {key === 'incidents' && (
                <Segmented
                  name="incident-scope"
                  label={t('layers.incidentScope')}
                  className={settings.incidents ? 'sub' : 'sub off'}
                  options={INCIDENT_SCOPES}
                  value={settings.incidentScope}
                  disabled={!settings.incidents}
                  optionLabel={(scope) => t(`incidentScope.${scope}`, { days: RECENT_DAYS })}
                  onChange={(incidentScope) => onChange({ ...settings, incidentScope })}
                />
              )}
            </div>
          ))}
        </div>
      </section>
      <Legend settings={settings} choropleth={choropleth} figureLabel={t(FIGURE_LABELS[settings.gridFigure])} />
    </aside>
  );
}
