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

// Names buyers write that the ISO list spells otherwise (the datasets use some of them too).
const EXTRA_NAMES: Record<string, string> = {
  'viet nam': 'VN',
  burma: 'MM',
  kosovo: 'XK',
  'hong kong': 'HK',
  macau: 'MO',
};

let nameIndex: Map<string, string> | undefined;

/**
 * Every English name we accept for a country, lower-cased → alpha-2: the official name, common aliases
 * ("Turkey" and "Türkiye", "Vietnam" and "Viet Nam"), and alpha-3 codes.
 */
export const countryNameIndex = (): Map<string, string> => {
  if (nameIndex) return nameIndex;
  nameIndex = new Map(Object.entries(EXTRA_NAMES));
  for (const [code, names] of Object.entries(countries.getNames('en', { select: 'all' }))) {
    for (const n of names as unknown as string[]) nameIndex.set(n.toLowerCase(), code);
    const a3 = countries.alpha2ToAlpha3(code);
    if (a3) nameIndex.set(a3.toLowerCase(), code);
  }
  return nameIndex;
};
