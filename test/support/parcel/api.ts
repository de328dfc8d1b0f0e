import { z } from 'zod';
import type { ApiDescription } from '../../../simulator/engine/api-document.js';

/** What POST /api/parcels reads; the route parses it with this very schema. */
export const sendParcelBody = z.object({
  depot: z.string().describe('A depot of the scenario: parcel.depots'),
});

const fault = z.object({ fault: z.object({ code: z.string(), text: z.string() }) });

/** The parcel service's API, for /__admin/openapi/parcel.json. */
export const parcelApi: ApiDescription = {
  title: 'Parcel service (simulated by kyc-sim)',
  description: 'A throwaway provider made by following docs/adding-a-provider.md.',
  operations: [
    {
      method: 'post',
      path: '/api/parcels',
      summary: 'Send a parcel',
      body: { schema: sendParcelBody },
      responses: {
        201: { description: '`{id, status}`' },
        422: { description: 'No such depot', schema: fault },
      },
    },
    {
      method: 'get',
      path: '/api/parcels/:id',
      params: { id: 'Parcel id' },
      summary: 'Track a parcel',
      responses: {
        200: { description: '`{id, status}`' },
        404: { description: 'No such parcel', schema: fault },
      },
    },
  ],
};
