/**
 * The answers every baseline and peer server sends: the shape (and size) of kyc-sim's own QR and
 * refs bodies for the bench scenario, so each server serialises and writes the same bytes.
 */
export const QR_JSON = JSON.stringify({
  qrcode:
    'https://code.yoti.com/CAESMGk_JrmTIEMMn909_bdmTa3z7LHr1e8dCt5L4YLvtCqt8iH6KWMeZlOogogTztpFKhokYTAwMDg3ZmItZjc0Ny00Y2I4LWFkZmUtNzQ3ZDIzNjczZjI3Im0KDQoLZ2l2ZW5fbmFtZXMSEgoQYXBwbGljYXRpb25fbG9nbxIRCg9hcHBsaWNhdGlvbl91cmwSEgoQYXBwbGljYXRpb25fbmFtZRIdChthcHBsaWNhdGlvbl9yZWNlaXB0X2JnY29sb3IYACAAMAI',
  ref_id: 'a00087fb-f747-4cb8-adfe-747d23673f27',
});

export const REFS = {
  name: 'Bench App',
  policy:
    'Cg0KC2dpdmVuX25hbWVzEhIKEGFwcGxpY2F0aW9uX2xvZ28SEQoPYXBwbGljYXRpb25fdXJsEhIKEGFwcGxpY2F0aW9uX25hbWUSHQobYXBwbGljYXRpb25fcmVjZWlwdF9iZ2NvbG9yGAAgAA==',
  application_id: 'bench-app',
  application_name: 'Bench App',
  receipt_bg_color: '#2D9FFF',
  callback_endpoint: 'http://127.0.0.1:3000/yoti/callback',
  sharing_token: 'aT8muZMgQwyf3T39t2ZNrfPssevV7x0K3kvhgu+0Kq3yIfopYx5mU6iCiBPO2kUq',
  session_data: 'BRnKLwKv-97cc4b34-a88b-4231-b874-c5fe3dc12752',
};
export const REFS_JSON = JSON.stringify(REFS);

export const REFS_PATH_PREFIX = '/yoti/api/v1.1/qrcodes/refs/';
export const QR_PATH = '/yoti/api/v1.1/sessions/apps/bench-app/scenarios/bench';

/** How a bench server process tells the runner where it listens. */
export const announce = (port: number) => process.stdout.write(`listening on http://127.0.0.1:${port}\n`);
