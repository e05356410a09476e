import type { ReactNode } from 'react';

/** A label-value row of a detail panel. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A figure tile: big tabular number with a small label under it. */
export function Figure({ label, value, tone }: { label: string; value: string; tone?: 'warn' | 'alert' }) {
  return (
    <div className={tone ? `figure ${tone}` : 'figure'}>
      <span className="figure-value">{value}</span>
      <span className="figure-label">{label}</span>
    </div>
  );
}
