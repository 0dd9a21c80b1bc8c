export const DISPLAY_NAME_MAX_LENGTH = 200;

// Control characters (Cc), and the bidi controls by which `invoice<U+202E>fdp.exe` shows as `invoiceexe.pdf`.
const INVISIBLE = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * An uploaded file's name made fit to show and to keep as text (it passes `unsafeTextReason`): the last
 * path component only (`../../etc/passwd` → `passwd`, `C:\x\y.pdf` → `y.pdf`), without control or bidi
 * characters, whitespace collapsed, at most DISPLAY_NAME_MAX_LENGTH characters keeping the extension.
 * For display and downloads only: storage keys never come from it.
 */
export const displayFileName = (raw: string | undefined, fallback = 'file'): string => {
  const last = (raw ?? '').split(/[/\\]/).pop() ?? '';
  let name = last
    .normalize('NFC')
    .replace(LONE_SURROGATE, '')
    .replace(/\s+/g, ' ') // first: a tab or line break in a name becomes a space, not nothing
    .replace(INVISIBLE, '')
    .trim();
  if (name === '' || /^\.+$/.test(name)) return fallback;
  if (name.length > DISPLAY_NAME_MAX_LENGTH) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = name.slice(0, DISPLAY_NAME_MAX_LENGTH - ext.length).replace(/[\ud800-\udbff]$/, '') + ext;
  }
  return name;
};
