import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };

countries.registerLocale(en);

/** ISO 3166-1 alpha-2 codes (plus XK, Kosovo: user-assigned but used by every dataset we ship). */
export const isCountryCode = (code: string): boolean => code === 'XK' || countries.isValid(code);

export const countryName = (code: string): string | undefined =>
  code === 'XK' ? 'Kosovo' : countries.getName(code, 'en', { select: 'official' });

/** All codes with English names, sorted by name (for pickers and for suggestions). */
export const countryList = (): { code: string; name: string }[] => {
  const names = countries.getNames('en', { select: 'official' });
  return Object.entries({ ...names, XK: 'Kosovo' })
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
};
