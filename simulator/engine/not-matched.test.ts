import { expect, it } from 'vitest';
import { nearestRoute } from './not-matched.js';

const routes = [
  { method: 'GET', path: '/yoti/api/v1.1/qrcodes/refs/:refId' },
  { method: 'GET', path: '/yoti/api/v1.1/sessions/apps/:sdkId/scenarios/:scenarioId' },
  { method: 'ALL', path: '*' },
];

it('names the nearest route and the differing segment', () => {
  const near = nearestRoute(routes, 'GET', '/yoti/api/v1.1/qrcode/refs/x');
  expect(near?.route.path).toBe('/yoti/api/v1.1/qrcodes/refs/:refId');
  expect(near?.difference).toBe("segment 4 is 'qrcode', route has 'qrcodes'");
});

it('names a wrong method', () => {
  expect(nearestRoute(routes, 'POST', '/yoti/api/v1.1/qrcodes/refs/x')?.difference).toBe(
    'method is POST, route wants GET',
  );
});

it('finds nothing for an unrelated path', () => {
  expect(nearestRoute(routes, 'GET', '/elsewhere')).toBeUndefined();
});
