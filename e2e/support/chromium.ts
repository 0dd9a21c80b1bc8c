import fs from 'node:fs';

/** Debian's chromium package; playwright-core drives it instead of downloading a browser of its own. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const chromiumAvailable = fs.existsSync(CHROMIUM_PATH);

export const SKIP_MESSAGE = `Browser tests skipped: ${CHROMIUM_PATH} was not found. Install Debian chromium to run browser tests (apt-get install chromium).`;
