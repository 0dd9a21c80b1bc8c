/**
 * A URL as a log or console may keep it: the path segment after `/portal/` (the API's and the page's) is a
 * supplier's secret link, and a link in a log line is a link anyone with the logs can use. The server's
 * access log and the web client's error reports both pass URLs through this.
 */
export const redactSecretPaths = (url: string): string => url.replace(/(\/portal\/)[^/?#]+/g, '$1[redacted]');
