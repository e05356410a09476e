import { isKeyGroupTag } from '@gridmap/shared';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../i18n/locale-context.tsx';
import { Field } from './detail-fields.tsx';
import { DetailHeader, DetailStatus } from './detail-header.tsx';
import { householdQueryOptions } from './detail-queries.ts';

/** A household: address, size and tags (names and phones arrive masked from the API). */
export function HouseholdDetail({ id, onClose }: { id: number; onClose: () => void }) {
  const { t, format } = useI18n();
  const query = useQuery(householdQueryOptions(id));
  const household = query.data?.properties;
  return (
    <>
      <DetailHeader
        kind={t('detail.kind.household')}
        title={household?.address ?? t('detail.householdTitle', { id: String(id) })}
        onClose={onClose}
      />
      {query.isPending && <DetailStatus state="loading" />}
      {query.isError && <DetailStatus state="error" />}
      {query.isSuccess && !household && <DetailStatus state="missing" />}
      {household && (
        <dl className="fields">
          <Field label={t('detail.size')}>{t('detail.sizeValue', { count: household.size })}</Field>
          <Field label={t('detail.tags')}>
            {household.tags.length === 0 ? (
              t('detail.noTags')
            ) : (
              <span className="tags">
                {/* Key-group tags arrive only for roles allowed to see them (none yet); shown apart if they do. */}
                {household.tags.map((tag) => (
                  <span key={tag} className={isKeyGroupTag(tag) ? 'tag key-group' : 'tag'}>
                    {t(`householdTag.${tag}`)}
                  </span>
                ))}
              </span>
            )}
          </Field>
          <Field label={t('detail.head')}>{household.headName}</Field>
          <Field label={t('detail.phone')}>
            <span className="num">{household.phone}</span>
          </Field>
          <Field label={t('detail.code')}>
            <span className="num">#{format.number(household.id)}</span>
          </Field>
        </dl>
      )}
    </>
  );
}
