import type { AreaProperties } from '@gridmap/shared';
import { useI18n } from '../../i18n/locale-context.tsx';

export interface BreadcrumbProps {
  /** The place and its ancestors, county first. */
  chain: AreaProperties[];
  onGo: (id: number) => void;
}

/** County › town › community › grid: each ancestor goes back up to it; the place is the last, plain. */
export function Breadcrumb({ chain, onGo }: BreadcrumbProps) {
  const { t } = useI18n();
  if (chain.length === 0) return null;
  const place = chain[chain.length - 1];
  const parent = chain.length > 1 ? chain[chain.length - 2] : null;
  return (
    <nav className="place-breadcrumb" aria-label={t('breadcrumb.label')} data-testid="place-breadcrumb">
      {parent && (
        <button type="button" className="crumb-up" title={t('breadcrumb.up')} aria-label={t('breadcrumb.up')} onClick={() => onGo(parent.id)}>
          ↑
        </button>
      )}
      <ol>
        {chain.map((area) => (
          <li key={area.id}>
            {area.id === place.id ? (
              <span className="crumb current" aria-current="page" title={t(`level.${area.level}`)}>
                {area.name}
              </span>
            ) : (
              <button type="button" className="crumb" title={t(`level.${area.level}`)} data-area-id={area.id} onClick={() => onGo(area.id)}>
                {area.name}
              </button>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
