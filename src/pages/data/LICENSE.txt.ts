import type { APIRoute } from 'astro';
import { dataLicenceText } from '../../lib/licence/licences.ts';

/** `/data/LICENSE.txt`: the licence beside the CSV files, which have no room for it (see dataLicenceText). */
export const GET: APIRoute = ({ site }) =>
  new Response(dataLicenceText(new URL(import.meta.env.BASE_URL, site).href), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
