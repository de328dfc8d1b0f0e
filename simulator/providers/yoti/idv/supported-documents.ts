/**
 * The documents the simulated service accepts, by issuing country. A small, plausible catalogue
 * (the real list is long and changes); enough for filters, configuration and the SDK.
 */
export interface SupportedDocument {
  type: string;
  is_strictly_latin: boolean;
}

const latin = (...types: string[]) => types.map((type) => ({ type, is_strictly_latin: true }));

export const SUPPORTED_COUNTRIES: { code: string; supported_documents: SupportedDocument[] }[] = [
  { code: 'GBR', supported_documents: latin('PASSPORT', 'DRIVING_LICENCE', 'RESIDENCE_PERMIT', 'PASS_CARD') },
  { code: 'IRL', supported_documents: latin('PASSPORT', 'DRIVING_LICENCE', 'PASS_CARD') },
  {
    code: 'FRA',
    supported_documents: latin('PASSPORT', 'DRIVING_LICENCE', 'NATIONAL_ID', 'RESIDENCE_PERMIT'),
  },
  {
    code: 'DEU',
    supported_documents: latin('PASSPORT', 'DRIVING_LICENCE', 'NATIONAL_ID', 'RESIDENCE_PERMIT'),
  },
  { code: 'ESP', supported_documents: latin('PASSPORT', 'DRIVING_LICENCE', 'NATIONAL_ID') },
  { code: 'ITA', supported_documents: latin('PASSPORT', 'DRIVING_LICENCE', 'NATIONAL_ID') },
  { code: 'USA', supported_documents: latin('PASSPORT', 'DRIVING_LICENCE', 'NATIONAL_ID') },
  {
    code: 'IND',
    supported_documents: [
      ...latin('PASSPORT', 'DRIVING_LICENCE', 'PAN'),
      { type: 'AADHAAR', is_strictly_latin: false },
    ],
  },
  {
    code: 'KAZ',
    supported_documents: [...latin('PASSPORT'), { type: 'NATIONAL_ID', is_strictly_latin: false }],
  },
];

/** The catalogue as GET /supported-documents answers it; non-Latin documents only when asked for. */
export function supportedDocuments(includeNonLatin: boolean) {
  return {
    supported_countries: SUPPORTED_COUNTRIES.map((country) => ({
      code: country.code,
      supported_documents: country.supported_documents.filter((d) => includeNonLatin || d.is_strictly_latin),
    })).filter((country) => country.supported_documents.length > 0),
  };
}
