// The rule lives in shared/ (the dashboard's chart downloads are built in the browser with it).
export { neutraliseCell } from '#shared/csv.js';
