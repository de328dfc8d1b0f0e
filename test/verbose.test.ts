import { describe, expect, it, vi } from 'vitest';
import { SCENARIO_ID, SDK_ID, shareScenario } from './support/kiosk.js';
import { useSimulator } from './support/simulator.js';
import { openSocket } from './support/ws.js';
import { requestQr, resolveRef, socketUrl } from './support/yoti-share.js';

// --verbose: one line per request and websocket event, with method, path, status, ms and session.
const lines: string[] = [];
const sim = useSimulator({
  scenario: shareScenario({ type: 'complete', afterMs: 0 }),
  verbose: (line) => lines.push(line),
});

describe('verbose request log', () => {
  it('prints a line per request and websocket event of a whole share', async () => {
    const { ref_id } = await requestQr(sim(), SDK_ID, SCENARIO_ID);
    const { session_data } = await resolveRef(sim(), ref_id);
    const socket = await openSocket(socketUrl(sim(), session_data));
    await socket.closed;
    const qrPath = `/yoti/api/v1.1/sessions/apps/${SDK_ID}/scenarios/${SCENARIO_ID}`;
    const connectPath = `/yoti/api/v1.1/connect-sessions/${session_data}`;
    const line = (fragment: string) =>
      lines.find((l) => l.includes(fragment)) ?? `(no line with ${fragment})`;
    expect(line(qrPath)).toMatch(
      new RegExp(`^\\d\\d:\\d\\d:\\d\\d\\.\\d{3}  yoti +GET +${qrPath}  → 200  \\d+ ms`),
    );
    expect(line(`/qrcodes/refs/${ref_id}`)).toMatch(/GET .* → 200 {2}\d+ ms/);
    expect(line('WS open')).toContain(connectPath);
    expect(line('WS out')).toMatch(new RegExp(`${connectPath} .*"ACCEPTED".*session=${session_data}`));
    expect(lines.filter((l) => l.includes('WS out')).join('\n')).toContain('"COMPLETED"');
    // The server notes the close once the client has gone.
    await vi.waitFor(() => expect(line('WS close')).toContain(connectPath));
  });

  it('says what a request nearly matched when it matched no route', async () => {
    lines.length = 0;
    await fetch(`${sim().url}/yoti/api/v1.1/qrcode/refs/x`);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /GET +\/yoti\/api\/v1\.1\/qrcode\/refs\/x {2}→ 404 .*\(not matched: .*nearest is/,
    );
  });
});
