'use client';

import { useState } from 'react';
import type { DelegationMemberValues } from '@/lib/registration/delegations/schema';

export type DelegationDraft = {
  delegation: { name: string; country: string; agency: string };
  members: (DelegationMemberValues & { key: number })[];
};

let nextKey = 1;
export function emptyMember(values: Partial<DelegationMemberValues> = {}): DelegationDraft['members'][number] {
  return { key: nextKey++, name: '', email: '', organisation: '', jobTitle: '', mailToHead: false, ...values };
}

type Props = {
  draft: DelegationDraft;
  onChange: (draft: DelegationDraft) => void;
  /** Field path (`delegation.name`, `members.2.email`, `members`) → words. */
  errors: Record<string, string>;
  countries: { code: string; name: string }[];
  t: (key: string, values?: Record<string, string | number>) => string;
  /** Words for a validation key. */
  words: (message: string) => string;
};

function FieldError({ id, message }: { id: string; message?: string }) {
  return (
    <span id={id} className="error" role={message ? 'alert' : undefined}>
      {message ?? ''}
    </span>
  );
}

/**
 * The delegation part of the registration form (docs/delegations.md): the delegation's name,
 * agency and country, and its members one by one or pasted as a list (checked line by line in the
 * browser with the server's own parser; the server checks every row again).
 */
export function DelegationFieldset({ draft, onChange, errors, countries, t, words }: Props) {
  const [pasted, setPasted] = useState('');
  const [pasteErrors, setPasteErrors] = useState<string[]>([]);
  const setDelegation = (field: keyof DelegationDraft['delegation'], value: string) =>
    onChange({ ...draft, delegation: { ...draft.delegation, [field]: value } });
  const setMember = (index: number, field: keyof DelegationMemberValues, value: string | boolean) =>
    onChange({ ...draft, members: draft.members.map((m, i) => (i === index ? { ...m, [field]: value } : m)) });
  const message = (path: string) => (errors[path] ? words(errors[path]!) : undefined);
  const described = (path: string) => ({
    'aria-invalid': Boolean(errors[path]),
    'aria-describedby': `${path.replace(/\./g, '-')}-error`,
  });
  const addPasted = async () => {
    const { parseMemberLines } = await import('@/lib/registration/delegations/schema');
    const { members, errors: lineErrors } = parseMemberLines(pasted);
    setPasteErrors(lineErrors);
    const kept = draft.members.filter((m) => m.name || m.email);
    onChange({ ...draft, members: [...kept, ...members.map((m) => emptyMember(m))] });
    if (!lineErrors.length) setPasted('');
  };

  return (
    <>
      <fieldset data-testid="delegation-fieldset">
        <legend>{t('delegation.legend')}</legend>
        <div className="field">
          <label htmlFor="delegation-name">{t('delegation.name')}</label>
          <input
            id="delegation-name"
            value={draft.delegation.name}
            onChange={(e) => setDelegation('name', e.target.value)}
            {...described('delegation.name')}
          />
          <FieldError id="delegation-name-error" message={message('delegation.name')} />
        </div>
        <div className="field">
          <label htmlFor="delegation-agency">{t('delegation.agency')}</label>
          <input
            id="delegation-agency"
            value={draft.delegation.agency}
            onChange={(e) => setDelegation('agency', e.target.value)}
            {...described('delegation.agency')}
          />
          <FieldError id="delegation-agency-error" message={message('delegation.agency')} />
        </div>
        <div className="field">
          <label htmlFor="delegation-country">{t('delegation.country')}</label>
          <select
            id="delegation-country"
            value={draft.delegation.country}
            onChange={(e) => setDelegation('country', e.target.value)}
            {...described('delegation.country')}
          >
            <option value="" disabled>
              {t('chooseCountry')}
            </option>
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
          <FieldError id="delegation-country-error" message={message('delegation.country')} />
        </div>
      </fieldset>
      <fieldset data-testid="delegation-members" aria-describedby="members-error">
        <legend>{t('delegation.members')}</legend>
        <FieldError id="members-error" message={message('members')} />
        {draft.members.map((member, index) => (
          <div key={member.key} className="card" data-testid="delegation-member">
            <p>
              <strong>{t('delegation.member', { n: index + 1 })}</strong>
            </p>
            {(['name', 'email', 'organisation', 'jobTitle'] as const).map((field) => (
              <div className="field" key={field}>
                <label htmlFor={`members-${index}-${field}`}>{t(field)}</label>
                <input
                  id={`members-${index}-${field}`}
                  type={field === 'email' ? 'email' : 'text'}
                  autoComplete="off"
                  value={String(member[field] ?? '')}
                  onChange={(e) => setMember(index, field, e.target.value)}
                  {...described(`members.${index}.${field}`)}
                />
                <FieldError id={`members-${index}-${field}-error`} message={message(`members.${index}.${field}`)} />
              </div>
            ))}
            <label className="check">
              <input
                type="checkbox"
                checked={member.mailToHead === true}
                onChange={(e) => setMember(index, 'mailToHead', e.target.checked)}
              />{' '}
              {t('delegation.mailToHead')}
            </label>
            {draft.members.length > 1 && (
              <button
                type="button"
                className="button small secondary"
                onClick={() => onChange({ ...draft, members: draft.members.filter((_, i) => i !== index) })}
              >
                {t('delegation.remove', { n: index + 1 })}
              </button>
            )}
          </div>
        ))}
        <button
          type="button"
          className="button secondary"
          onClick={() => onChange({ ...draft, members: [...draft.members, emptyMember()] })}
        >
          {t('delegation.addMember')}
        </button>
        <div className="field" style={{ marginTop: '1rem' }}>
          <label htmlFor="delegation-paste">{t('delegation.paste')}</label>
          <p id="delegation-paste-hint" className="muted">
            {t('delegation.pasteHint')}
          </p>
          <textarea
            id="delegation-paste"
            rows={4}
            value={pasted}
            onChange={(e) => setPasted(e.target.value)}
            aria-describedby="delegation-paste-hint delegation-paste-errors"
            aria-invalid={pasteErrors.length > 0}
          />
          <ul id="delegation-paste-errors" className="error" role={pasteErrors.length ? 'alert' : undefined} data-testid="paste-errors">
            {pasteErrors.map((error) => (
              <li key={error}>{words(error)}</li>
            ))}
          </ul>
          <button type="button" className="button secondary" onClick={addPasted}>
            {t('delegation.pasteButton')}
          </button>
        </div>
      </fieldset>
    </>
  );
}
