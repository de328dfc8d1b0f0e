import { type ValueLimits, valueProblem } from '../../engine/value-limits.js';
import { SimError } from '../provider.js';
import { pythonType } from './errors.js';
import { TECHNOLOGY_CODES, type TechnologyCode } from './schema.js';
import { acceptsFace2FaceMetadata } from './technologies.js';

/**
 * Session metadata, checked against the rules of the Flow WebView doc and normalised with its
 * defaults (`changeable` true, `skip_input` false). Messages follow DRF's wording, prefixed with
 * the field path so the integrator sees which field is wrong.
 */
export interface EdocumentField {
  value?: string;
  changeable: boolean;
}

export interface SessionMetadata {
  face2face: { photo1?: string; photoMime?: string };
  edocument: { iin: EdocumentField; phone: EdocumentField; skipInput: boolean };
  general: { interchangeableTech: TechnologyCode[] };
}

export const IIN_PATTERN = /^\d{12}$/;
export const PHONE_PATTERN = /^\+?\d{10,15}$/;

const bad = (path: string, message: string) => new SimError(400, `${path}: ${message}`);

function dict(value: unknown, path: string): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  if (pythonType(value) !== 'dict')
    throw bad(path, `Expected a dictionary of items but got type "${pythonType(value)}".`);
  return value as Record<string, unknown>;
}

function string(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw bad(path, 'Not a valid string.');
  return value;
}

function boolean(value: unknown, path: string, fallback: boolean): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') throw bad(path, 'Must be a valid boolean.');
  return value;
}

/**
 * Metadata is kept whole and sent back in every webhook: bounded so it can always be written out
 * again. The reference photo is the one long string (the body limit bounds it).
 */
const METADATA_LIMITS: ValueLimits = {
  maxDepth: 8,
  maxEntries: 500,
  maxStringLength: 2_000,
  longStrings: ['metadata.face2face.photo1'],
};

export function parseMetadata(raw: unknown, technologies: readonly TechnologyCode[]): SessionMetadata {
  const problem = valueProblem(raw, METADATA_LIMITS, 'metadata');
  if (problem) throw bad(problem.path, problem.reason);
  const metadata = dict(raw, 'metadata') ?? {};
  return {
    face2face: parseFace2Face(dict(metadata.face2face, 'metadata.face2face'), technologies),
    edocument: parseEdocument(dict(metadata.edocument, 'metadata.edocument'), technologies),
    general: parseGeneral(dict(metadata.general, 'metadata.general'), technologies),
  };
}

function parseFace2Face(
  section: Record<string, unknown> | undefined,
  technologies: readonly TechnologyCode[],
): SessionMetadata['face2face'] {
  if (!section) return {};
  const path = 'metadata.face2face.photo1';
  const photo1 = string(section.photo1, path);
  if (!acceptsFace2FaceMetadata(technologies)) {
    throw new SimError(
      400,
      `metadata.face2face: Face2Face metadata only works for Liveness + Face2Face, E-Document + Face2Face and Document Recognition + Face2Face flows; this flow is ${technologies.join(', ')}.`,
    );
  }
  if (photo1 === undefined) return {};
  const photoMime = imageMime(photo1);
  if (!photoMime)
    throw bad(
      path,
      'Upload a valid image: expected a JPEG, PNG, WebP or BMP encoded in base64 (without a "data:" prefix).',
    );
  return { photo1, photoMime };
}

/** The MIME type of a base64 image, from its first bytes; undefined when it is not one. */
export function imageMime(base64: string): string | undefined {
  const text = base64.replace(/\s+/g, '');
  if (text.length === 0 || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return undefined;
  const head = Buffer.from(text.slice(0, 24), 'base64');
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.subarray(0, 4).toString('hex') === '89504e47') return 'image/png';
  if (head.subarray(0, 4).toString() === 'RIFF' && head.subarray(8, 12).toString() === 'WEBP')
    return 'image/webp';
  if (head.subarray(0, 2).toString() === 'BM') return 'image/bmp';
  return undefined;
}

function parseField(value: unknown, name: 'iin' | 'phone'): EdocumentField {
  const path = `metadata.edocument.${name}`;
  const field = dict(value, path) ?? {};
  const text = string(field.value, `${path}.value`);
  const pattern = name === 'iin' ? IIN_PATTERN : PHONE_PATTERN;
  if (text !== undefined && !pattern.test(text)) {
    throw bad(
      `${path}.value`,
      name === 'iin'
        ? 'The IIN must be 12 digits.'
        : 'Enter a valid phone number: 10 to 15 digits, optionally after "+".',
    );
  }
  return { value: text, changeable: boolean(field.changeable, `${path}.changeable`, true) };
}

function parseEdocument(
  section: Record<string, unknown> | undefined,
  technologies: readonly TechnologyCode[],
): SessionMetadata['edocument'] {
  const iin = parseField(section?.iin, 'iin');
  const phone = parseField(section?.phone, 'phone');
  const skipInput = boolean(section?.skip_input, 'metadata.edocument.skip_input', false);
  if (section && !technologies.includes('ED'))
    throw new SimError(
      400,
      `metadata.edocument: E-Document metadata needs a flow with E-Document (ED); this flow is ${technologies.join(', ')}.`,
    );
  if (skipInput) {
    const missing = [
      iin.value === undefined && 'iin.value',
      phone.value === undefined && 'phone.value',
      iin.changeable && 'iin.changeable: false',
      phone.changeable && 'phone.changeable: false',
    ].filter(Boolean);
    if (missing.length > 0)
      throw bad(
        'metadata.edocument.skip_input',
        `Skipping the data entry step needs the values of iin and phone with changeable false; missing: ${missing.join(', ')}.`,
      );
  }
  return { iin, phone, skipInput };
}

function parseGeneral(
  section: Record<string, unknown> | undefined,
  technologies: readonly TechnologyCode[],
): SessionMetadata['general'] {
  const path = 'metadata.general.interchangeable_tech';
  const list = section?.interchangeable_tech;
  if (list === undefined || list === null) return { interchangeableTech: [] };
  if (!Array.isArray(list)) throw bad(path, `Expected a list of items but got type "${pythonType(list)}".`);
  for (const item of list) {
    if (!TECHNOLOGY_CODES.includes(item as TechnologyCode))
      throw bad(path, `"${String(item)}" is not a valid choice (${TECHNOLOGY_CODES.join(', ')}).`);
    if (!technologies.includes(item as TechnologyCode))
      throw bad(path, `${item} is not a technology of this flow (${technologies.join(', ')}).`);
  }
  if (new Set(list).size !== list.length) throw bad(path, 'A technology appears twice.');
  if (list.length === 1) throw bad(path, 'Name at least two technologies that can replace each other.');
  return { interchangeableTech: list as TechnologyCode[] };
}
