import { describe, expect, it } from 'vitest';
import { unsafeTextReason } from '#shared/schemas/common.js';
import { DISPLAY_NAME_MAX_LENGTH, displayFileName } from './display-name.js';

describe('displayFileName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\system32\\cmd.exe', 'cmd.exe'],
    ['C:\\Users\\ana\\Desktop\\audit.pdf', 'audit.pdf'],
    ['/abs/path/report.pdf', 'report.pdf'],
    ['..', 'file'],
    ['dir/', 'file'],
    ['', 'file'],
    [undefined, 'file'],
    ['in\u0000voice\r\n.pdf', 'invoice .pdf'],
    ['invoice\u202efdp.exe', 'invoicefdp.exe'],
    ['  two   spaces\t.pdf  ', 'two spaces .pdf'],
    ['cafe\u0301.pdf', 'café.pdf'],
    ['bad\ud800half.pdf', 'badhalf.pdf'],
  ])('%j → %j', (raw, shown) => {
    expect(displayFileName(raw)).toBe(shown);
  });

  it('caps the length, keeping the extension and never splitting a character', () => {
    const long = `${'a'.repeat(DISPLAY_NAME_MAX_LENGTH - 5)}😀😀😀😀.pdf`;
    const shown = displayFileName(long);
    expect(shown.length).toBeLessThanOrEqual(DISPLAY_NAME_MAX_LENGTH);
    expect(shown.endsWith('.pdf')).toBe(true);
    expect(unsafeTextReason(shown)).toBeUndefined();
  });
});
