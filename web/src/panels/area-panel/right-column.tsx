import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/locale-context.tsx';
import type { RightPanel } from '../../url-state/view-state.ts';

export interface RightColumnProps {
  panel: RightPanel;
  onPanel: (panel: RightPanel) => void;
  children: ReactNode;
}

/** The right column: tabs between the command centre (what happens now) and the area panel (how a place does). */
export function RightColumn({ panel, onPanel, children }: RightColumnProps) {
  const { t } = useI18n();
  return (
    <div className={`right-column ${panel}`}>
      <div className="right-tabs no-print" role="tablist">
        {(['command', 'area'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={panel === name}
            className={panel === name ? 'active' : undefined}
            data-testid={`tab-${name}`}
            onClick={() => onPanel(name)}
          >
            {t(`rightPanel.${name}`)}
          </button>
        ))}
      </div>
      {children}
    </div>
  );
}
