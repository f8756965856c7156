import { useState } from 'react';

/**
 * A button for an action that cannot be undone: the first press asks, the second confirms.
 */
export function ConfirmButton({
  label,
  warning,
  onConfirm,
  disabled = false,
  busy = false,
}: {
  label: string;
  warning: string;
  onConfirm: () => void;
  disabled?: boolean;
  busy?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" className="primary" disabled={disabled || busy} onClick={() => setAsking(true)}>
        {busy ? 'Working…' : label}
      </button>
    );
  return (
    <fieldset className="confirm" aria-label={`Confirm: ${label}`}>
      <p>{warning}</p>
      <button
        type="button"
        className="primary"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        Yes, {label.toLowerCase()}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </fieldset>
  );
}
