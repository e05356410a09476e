import { useQuery } from '@tanstack/react-query';
import type { MediationPointFeature } from '../../api/points-api.ts';
import { useI18n } from '../../i18n/locale-context.tsx';
import { MEDIATION_SYMBOLS } from '../../layers/mediation-points/mediation-symbols.ts';
import { Field } from './detail-fields.tsx';
import { DetailHeader, DetailStatus } from './detail-header.tsx';
import { mediationPointQueryOptions } from './detail-queries.ts';
import { formatOpeningHours } from './opening-hours.ts';

/** A mediation point: what it is, where, when open, which disputes it takes, who mediates. */
export function MediationPointDetail({
  id,
  known,
  onClose,
}: {
  id: number;
  /** The point from the map's list, shown while its own answer loads (or if it fails). */
  known: MediationPointFeature | undefined;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const query = useQuery(mediationPointQueryOptions(id));
  const props = query.data?.properties ?? (query.isSuccess ? undefined : known?.properties);
  return (
    <>
      <DetailHeader kind={t('detail.kind.mediationPoint')} title={props?.name ?? `#${id}`} onClose={onClose} />
      {!props && query.isPending && <DetailStatus state="loading" />}
      {!props && query.isError && <DetailStatus state="error" />}
      {!props && query.isSuccess && <DetailStatus state="missing" />}
      {props && (
        <dl className="fields">
          <Field label={t('detail.kind')}>
            <span className="symbol inline" style={{ background: MEDIATION_SYMBOLS[props.kind].colour }}>
              {MEDIATION_SYMBOLS[props.kind].glyph}
            </span>
            {t(`mediationKind.${props.kind}`)}
          </Field>
          <Field label={t('detail.level')}>{t(`level.${props.level}`)}</Field>
          <Field label={t('detail.address')}>{props.address}</Field>
          <Field label={t('detail.hours')}>
            {formatOpeningHours(props.hours, t).map((line) => (
              <div key={line} className="num">
                {line}
              </div>
            ))}
          </Field>
          <Field label={t('detail.disputeKinds')}>
            <span className="tags">
              {props.disputeKinds.map((kind) => (
                <span key={kind} className="tag">
                  {t(`incidentKind.${kind}`)}
                </span>
              ))}
            </span>
          </Field>
          <Field label={t('detail.mediators')}>{t('detail.mediatorsValue', { count: props.mediators })}</Field>
          <Field label={t('detail.phone')}>
            <span className="num">{props.phone}</span>
          </Field>
        </dl>
      )}
    </>
  );
}
