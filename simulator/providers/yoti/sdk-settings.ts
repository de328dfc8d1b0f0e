/**
 * How each official Yoti SDK is pointed at an API base, as read in its source: the variable (or
 * JVM system property) for the profile API (`/api/v1`: profile exchange, dynamic share, AML), for
 * IDV (`/idverify/v1`) and, where the SDK has one of its own, for Digital ID (`/share`).
 * `kyc-sim serve` prints these; docs/yoti-sdks.md explains each.
 */
export interface YotiSdkSettings {
  sdk: string;
  profile: string;
  idv: string;
  digitalId?: string;
}

export const YOTI_SDK_SETTINGS: readonly YotiSdkSettings[] = [
  {
    sdk: 'Node',
    profile: 'YOTI_API_URL',
    idv: 'YOTI_IDV_API_URL',
    digitalId: 'YOTI_DIGITAL_IDENTITY_API_URL',
  },
  // YOTI_API_URL is a host to Python: it appends ":443/api/v1".
  { sdk: 'Python', profile: 'YOTI_API_ENDPOINT', idv: 'YOTI_DOC_SCAN_API_URL' },
  { sdk: 'Go', profile: 'YOTI_API_URL', idv: 'YOTI_DOC_SCAN_API_URL' },
  // Java reads JVM system properties only.
  { sdk: 'Java', profile: '-Dyoti.api.url', idv: '-Dyoti.docs.url' },
  {
    sdk: 'PHP',
    profile: 'YOTI_API_URL',
    idv: 'YOTI_DOC_SCAN_API_URL',
    digitalId: 'YOTI_DIGITAL_IDENTITY_API_URL',
  },
  { sdk: '.NET', profile: 'YOTI_API_URL', idv: 'YOTI_DOC_SCAN_API_URL' },
];

/** One line per SDK with its exact settings for a simulator at `base`. */
export function sdkSettingLines(base: string): string[] {
  const width = Math.max(...YOTI_SDK_SETTINGS.map((s) => s.sdk.length));
  return YOTI_SDK_SETTINGS.map((s) =>
    [
      s.sdk.padEnd(width),
      `${s.profile}=${base}/yoti/api/v1`,
      `${s.idv}=${base}/yoti/idverify/v1`,
      ...(s.digitalId ? [`${s.digitalId}=${base}/yoti/share`] : []),
    ].join('  '),
  );
}
