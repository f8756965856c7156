import { useTranslation } from 'react-i18next';
import { chooseLanguage, type Language, languages } from '../i18n/i18n.ts';

/** English or Spanish, remembered on this device; `<html lang>` follows (see Layout). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-switch">
      <span>{t('shell.language')}</span>{' '}
      <select value={i18n.language} onChange={(e) => chooseLanguage(e.target.value as Language)}>
        {languages.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </label>
  );
}
