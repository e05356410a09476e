import { INCIDENT_STATUSES, STAFF_ROLES, type AreaProperties } from '@gridmap/shared';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../i18n/locale-context.tsx';
import { shortAreaName } from '../../layers/areas/area-label-points.ts';
import { INCIDENT_STATUS_COLOURS } from '../../layers/incidents/incident-status-colours.ts';
import type { Selection } from '../../map/selection.ts';
import { Field, Figure } from './detail-fields.tsx';
import { DetailHeader, DetailStatus } from './detail-header.tsx';
import { areaDetailQueryOptions } from './detail-queries.ts';

export interface AreaDetailProps {
  id: number;
  /** The area's properties from the map's lists, shown while the detail loads. */
  known: AreaProperties | undefined;
  /** The areas directly under this one (see childAreas), each a way down a level. */
  subAreas: AreaProperties[];
  onSelect: (selection: Selection) => void;
  onClose: () => void;
}

/** An area: its place in the hierarchy, people, staff workload and cases. */
export function AreaDetail({ id, known, subAreas, onSelect, onClose }: AreaDetailProps) {
  const { t, format } = useI18n();
  const detail = useQuery(areaDetailQueryOptions(id));
  const props = detail.data?.properties;
  const name = props?.name ?? known?.name ?? `#${id}`;
  const level = props?.level ?? known?.level;
  const maxByStatus = Math.max(1, ...Object.values(props?.incidentsByStatus ?? {}).map((n) => n ?? 0));

  return (
    <>
      <DetailHeader kind={level ? t(`level.${level}`) : t('detail.kind.area')} title={name} onClose={onClose} />
      {props && props.path.length > 0 && (
        <nav className="breadcrumb" aria-label={t('detail.path')}>
          {props.path.map((ancestor) => (
            <button
              type="button"
              key={ancestor.id}
              className="crumb"
              title={t(`level.${ancestor.level}`)}
              onClick={() => onSelect({ kind: 'area', id: ancestor.id, level: ancestor.level, fit: true })}
            >
              {ancestor.name}
            </button>
          ))}
          <span className="crumb current">{props.name}</span>
        </nav>
      )}
      <div className="figures">
        <Figure label={t('detail.households')} value={format.number(props?.households ?? known?.households ?? 0)} />
        <Figure label={t('detail.residents')} value={format.number(props?.residents ?? known?.residents ?? 0)} />
        <Figure label={t('detail.openIncidents')} value={format.number(props?.openIncidents ?? known?.openIncidents ?? 0)} tone="warn" />
        <Figure
          label={t('detail.overdueIncidents')}
          value={props ? format.number(props.overdueIncidents) : '–'}
          tone={props && props.overdueIncidents > 0 ? 'alert' : undefined}
        />
      </div>
      {detail.isPending && <DetailStatus state="loading" />}
      {detail.isError && <DetailStatus state="error" />}
      {props && (
        <>
          <dl className="fields">
            <Field label={t('detail.code')}>
              <span className="num">{props.code}</span>
            </Field>
            <Field label={t('detail.staff')}>{format.number(props.staff)}</Field>
            <Field label={t('detail.staffByRole')}>
              {STAFF_ROLES.filter((role) => (props.staffByRole[role] ?? 0) > 0)
                .map((role) => `${t(`staffRole.${role}`)} ${format.number(props.staffByRole[role] ?? 0)}`)
                .join(' · ') || t('detail.none')}
            </Field>
            <Field label={t('detail.householdsPerGridWorker')}>
              {props.householdsPerGridWorker === null ? t('detail.none') : format.decimal(props.householdsPerGridWorker)}
            </Field>
            <Field label={t('detail.keyGroupHouseholds')}>{props.keyGroupHouseholds === null ? <span title={t('privacy.suppressedHint')}>{t('privacy.suppressed')}</span> : format.number(props.keyGroupHouseholds)}</Field>
            <Field label={t('detail.mediationPointsCount')}>{format.number(props.mediationPoints)}</Field>
            <Field label={t('detail.incidents')}>{format.number(props.incidents)}</Field>
          </dl>
          <SubAreaList areas={subAreas} parentName={props.name} onSelect={onSelect} />
          <h3 className="detail-subheading">{t('detail.incidentsByStatus')}</h3>
          <ul className="status-bars">
            {INCIDENT_STATUSES.map((status) => {
              const count = props.incidentsByStatus[status] ?? 0;
              return (
                <li key={status}>
                  <span className="status-name">{t(`incidentStatus.${status}`)}</span>
                  <span className="status-bar">
                    <span
                      style={{ width: `${(100 * count) / maxByStatus}%`, background: INCIDENT_STATUS_COLOURS[status] }}
                    />
                  </span>
                  <span className="num">{format.number(count)}</span>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}

/** The areas one level down with their households and open incidents; a click selects and frames one. */
function SubAreaList({
  areas,
  parentName,
  onSelect,
}: {
  areas: AreaProperties[];
  parentName: string;
  onSelect: (selection: Selection) => void;
}) {
  const { t, format } = useI18n();
  const level = areas[0] ? areas[0].level : null;
  if (!level) return null;
  return (
    <>
      <h3 className="detail-subheading">{t('detail.childList', { level: t(`level.${level}`), count: areas.length })}</h3>
      <table className="sub-areas">
        <thead>
          <tr>
            <th scope="col">{t('detail.childName')}</th>
            <th scope="col" className="num">{t('detail.households')}</th>
            <th scope="col" className="num">{t('detail.openIncidents')}</th>
          </tr>
        </thead>
        <tbody>
          {areas.map((area) => (
            <tr key={area.id}>
              <td>
                <button
                  type="button"
                  className="sub-area"
                  title={`${area.name} · ${t('detail.showOnMap')}`}
                  onClick={() => onSelect({ kind: 'area', id: area.id, level: area.level, fit: true })}
                >
                  {shortAreaName(area.name, parentName)}
                </button>
              </td>
              <td className="num">{format.number(area.households)}</td>
              <td className={area.openIncidents > 0 ? 'num open' : 'num muted'}>{format.number(area.openIncidents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
