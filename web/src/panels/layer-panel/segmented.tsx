/** A row of mutually exclusive choices (radio buttons drawn as one segmented control). */
export function Segmented<T extends string>({
  name,
  label,
  options,
  value,
  optionLabel,
  onChange,
  disabled = false,
  className = '',
}: {
  /** The radio group's form name. */
  name: string;
  /** Accessible name of the group. */
  label: string;
  options: readonly T[];
  value: T;
  optionLabel: (option: T) => string;
  onChange: (option: T) => void;
  disabled?: boolean;
  className?: string;
}) {
  return (
    <div className={`segmented ${className}`.trim()} role="radiogroup" aria-label={label}>
      {options.map((option) => (
        <label key={option} className={value === option ? 'segment active' : 'segment'}>
          <input
            type="radio"
            name={name}
            value={option}
            checked={value === option}
            disabled={disabled}
            onChange={() => onChange(option)}
          />
          {optionLabel(option)}
        </label>
      ))}
    </div>
  );
}
