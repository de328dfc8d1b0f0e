import type { TechnologyCode } from './schema.js';

/** How the result endpoint describes each technology, and which result field carries it. */
export const TECHNOLOGY_INFO: Record<
  TechnologyCode,
  { name: string; description: string; resultField: ResultField }
> = {
  LD: {
    name: 'Liveness',
    description: 'Checks that a live person is in front of the camera',
    resultField: 'liveness_result',
  },
  LDHP: {
    name: 'Liveness Head Position',
    description: 'Liveness check by turning the head as instructed',
    resultField: 'liveness_result',
  },
  F2F: {
    name: 'Face2Face',
    description: 'Compares the face with a reference photo',
    resultField: 'face2face_result',
  },
  ED: {
    name: 'E-Document',
    description: 'Digital documents of the subject from eGov, confirmed by an SMS code from 1414',
    resultField: 'edocument_result',
  },
  DR: {
    name: 'Document Recognition',
    description: 'Reads an identity document from its photo',
    resultField: 'document_recognition_result',
  },
};

export type ResultField =
  | 'liveness_result'
  | 'face2face_result'
  | 'edocument_result'
  | 'document_recognition_result';

export const RESULT_FIELDS: readonly ResultField[] = [
  'liveness_result',
  'face2face_result',
  'edocument_result',
  'document_recognition_result',
];

export const isLiveness = (code: TechnologyCode) => code === 'LD' || code === 'LDHP';

/**
 * The doc: Face2Face metadata only works for Liveness + Face2Face, E-Document + Face2Face and
 * Document Recognition + Face2Face flows. LDHP counts as a liveness technology.
 */
export function acceptsFace2FaceMetadata(technologies: readonly TechnologyCode[]): boolean {
  if (technologies.length !== 2 || !technologies.includes('F2F')) return false;
  const other = technologies.find((t) => t !== 'F2F');
  return other !== undefined && (isLiveness(other) || other === 'ED' || other === 'DR');
}

/** The technologies whose page films the user or a document; E-Document is a form. */
export const usesCamera = (code: TechnologyCode) => code !== 'ED';
