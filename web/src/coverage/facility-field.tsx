import type { ReactNode } from 'react';

export interface FacilityOption {
  npi: string;
  name: string;
}

/**
 * "Your facility" on a preauthorization request. A facility user's own facility comes from
 * `/api/me` (`facilityNpi`): then it is the only choice, already chosen (the server refuses any
 * other). Without it (their account names the facility but not its NPI) they choose it from
 * the directory's facilities.
 */
export function FacilityField(props: {
  facilities: readonly FacilityOption[];
  ownNpi: string | undefined;
  value: string;
  onChange: (npi: string) => void;
  hint?: ReactNode;
}) {
  const { facilities, ownNpi, value, onChange, hint } = props;
  const own = ownNpi
    ? (facilities.find((f) => f.npi === ownNpi) ?? { npi: ownNpi, name: 'Your facility' })
    : undefined;
  const choices = own ? [own] : facilities;
  return (
    <label className="wide">
      Your facility
      <select value={own ? own.npi : value} onChange={(e) => onChange(e.target.value)} required>
        {own ? null : <option value="">Choose…</option>}
        {choices.map((f) => (
          <option key={f.npi} value={f.npi}>
            {f.name} (NPI {f.npi})
          </option>
        ))}
      </select>
      {hint}
    </label>
  );
}
