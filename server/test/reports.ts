import type { Report } from '#shared/schemas/reports.js';
import type { Client } from './app.js';

/** Polls a report until its job has finished (ready or failed); a minute at most. */
export const waitReady = async (client: Client, id: string): Promise<Report> => {
  for (let i = 0; i < 1200; i++) {
    const r = (await client.get(`/api/reports/${id}`)).json() as Report;
    if (r.status === 'ready' || r.status === 'failed') return r;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error(`report ${id} did not finish`);
};
