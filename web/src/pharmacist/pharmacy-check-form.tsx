import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiFetch } from '../api/http.ts';
import { ActionError } from '../ui/action-error.tsx';
import { type PharmacyDecision, todayIso } from './pharmacist-api.ts';

/** Tries a fill against the point-of-sale edit (`POST /api/pharmacy/check`) and shows allow or deny with why. */
export function PharmacyCheckForm({
  memberId = '',
  pharmacyNpi = '',
  prescriberNpi = '',
}: {
  memberId?: string;
  pharmacyNpi?: string;
  prescriberNpi?: string;
}) {
  const [form, setForm] = useState({
    memberId,
    ndc: '',
    pharmacyNpi,
    prescriberNpi,
    date: todayIso(),
    daysSupply: '30',
  });
  const check = useMutation({
    mutationFn: () =>
      apiFetch<PharmacyDecision>('/api/pharmacy/check', {
        method: 'POST',
        body: {
          memberId: form.memberId.trim(),
          ndc: form.ndc.replaceAll('-', '').trim(),
          pharmacyNpi: form.pharmacyNpi.trim(),
          prescriberNpi: form.prescriberNpi.trim(),
          date: form.date,
          ...(form.daysSupply ? { daysSupply: Number(form.daysSupply) } : {}),
        },
      }),
  });
  const field = (
    name: keyof typeof form,
    label: string,
    extra: { type?: string; placeholder?: string } = {},
  ) => (
    <label>
      {label}
      <input
        name={name}
        type={extra.type ?? 'text'}
        placeholder={extra.placeholder}
        value={form[name]}
        onChange={(e) => setForm({ ...form, [name]: e.target.value })}
      />
    </label>
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    check.mutate();
  };
  const d = check.data;
  return (
    <section className="panel" aria-labelledby="check-title">
      <h2 id="check-title">Pharmacy check</h2>
      <p className="muted small">
        The edit a pharmacy's claim meets at the counter. MOUD and naloxone always pass; an emergency supply
        passes with a warning.
      </p>
      <form className="form-grid" onSubmit={submit}>
        {field('memberId', 'Member ID')}
        {field('ndc', 'NDC (11 digits)', { placeholder: '00406052301' })}
        {field('pharmacyNpi', 'Pharmacy NPI')}
        {field('prescriberNpi', 'Prescriber NPI')}
        {field('date', 'Fill date', { type: 'date' })}
        {field('daysSupply', 'Days supply', { type: 'number' })}
        <div className="wide">
          <button type="submit" className="primary" disabled={check.isPending}>
            Check this fill
          </button>
        </div>
      </form>
      {check.isError && <ActionError error={check.error} />}
      {d && (
        <div role="status" className={`check-result check-${d.decision}`}>
          <strong>{d.decision === 'allow' ? 'Allow' : 'Deny'}</strong> · {d.message}{' '}
          <span className="muted small">({d.reason})</span>
          {d.warnings.length > 0 && (
            <ul>
              {d.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
