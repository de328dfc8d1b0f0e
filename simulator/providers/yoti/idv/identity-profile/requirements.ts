import { z } from 'zod';
import { builtOnFirstUse } from '../../../../engine/lazy-schema.js';

/**
 * `identity_profile_requirements` (one trust framework, one scheme) and
 * `advanced_identity_profile_requirements` (profiles → schemes with labels) of a create-session
 * body, and the schemes a session asks for once either is read.
 */

export const TRUST_FRAMEWORKS = ['UK_TFIDA', 'YOTI_GLOBAL'] as const;
/** The UK framework's schemes; YOTI_GLOBAL's list is open (IDENTITY, GBR_RTW_SHARECODE, CAN_CRC...). */
export const UK_TFIDA_SCHEMES = ['DBS', 'DBS_RTW', 'RTW', 'RTR'] as const;
export const DBS_OBJECTIVES = ['BASIC', 'STANDARD', 'ENHANCED'] as const;
/** Scheme types that say nothing without an objective: DBS level, Yoti Global assurance level. */
const OBJECTIVE_REQUIRED: Record<string, readonly string[] | undefined> = {
  DBS: DBS_OBJECTIVES,
  DBS_RTW: DBS_OBJECTIVES,
  IDENTITY: undefined,
};

const trustFramework = () =>
  z
    .string({ error: `is required: one of ${TRUST_FRAMEWORKS.join(', ')}` })
    .refine((v) => (TRUST_FRAMEWORKS as readonly string[]).includes(v), {
      error: (issue) =>
        `unknown trust framework ${JSON.stringify(issue.input)}; expected one of ${TRUST_FRAMEWORKS.join(', ')}`,
    });

const schemeFields = () => ({
  type: z.string({ error: 'is required, e.g. RTW' }).min(1, { error: 'is required, e.g. RTW' }),
  // null is "absent", as serialisers that write every field send it.
  objective: z.string().min(1).nullish(),
});

type SchemeLike = { type: string; objective?: string | null };

/** The rules that tie a scheme to its trust framework, reported at `path` (the scheme's). */
function checkScheme(
  framework: string,
  scheme: SchemeLike,
  ctx: z.RefinementCtx,
  path: (string | number)[],
): void {
  if (framework === 'UK_TFIDA' && !(UK_TFIDA_SCHEMES as readonly string[]).includes(scheme.type)) {
    ctx.addIssue({
      code: 'custom',
      path: [...path, 'type'],
      message: `unknown UK_TFIDA scheme ${JSON.stringify(scheme.type)}; expected one of ${UK_TFIDA_SCHEMES.join(', ')}`,
    });
    return;
  }
  if (!(scheme.type in OBJECTIVE_REQUIRED)) return;
  const allowed = OBJECTIVE_REQUIRED[scheme.type];
  if (!scheme.objective) {
    ctx.addIssue({
      code: 'custom',
      path: [...path, 'objective'],
      message: `is required for ${scheme.type}${allowed ? `: one of ${allowed.join(', ')}` : ', e.g. AL_L1'}`,
    });
  } else if (allowed && !allowed.includes(scheme.objective)) {
    ctx.addIssue({
      code: 'custom',
      path: [...path, 'objective'],
      message: `unknown ${scheme.type} objective ${JSON.stringify(scheme.objective)}; expected one of ${allowed.join(', ')}`,
    });
  }
}

export const identityProfileRequirementsSchema = builtOnFirstUse(() =>
  z
    .object({
      trust_framework: trustFramework(),
      scheme: z.object(schemeFields()).passthrough(),
    })
    .passthrough()
    .superRefine((req, ctx) => checkScheme(req.trust_framework, req.scheme, ctx, ['scheme'])),
);

/** Built lazily so the document filter of the create-session schema can be shared without a cycle. */
export function advancedIdentityProfileRequirementsSchema<F extends z.ZodType>(documentFilter: F) {
  const scheme = z
    .object({
      ...schemeFields(),
      label: z.string({ error: 'is required: the name the result reports this scheme by' }).min(1),
      config: z.object({ filter: documentFilter.nullish() }).passthrough().nullish(),
    })
    .passthrough();
  return z
    .object({
      profiles: z
        .array(
          z
            .object({
              trust_framework: trustFramework(),
              schemes: z.array(scheme).min(1, { error: 'must list at least one scheme' }),
            })
            .passthrough(),
        )
        .min(1, { error: 'must list at least one profile' }),
    })
    .passthrough()
    .superRefine((req, ctx) => {
      const labels = new Set<string>();
      req.profiles.forEach((profile, p) => {
        profile.schemes.forEach((s, i) => {
          checkScheme(profile.trust_framework, s, ctx, ['profiles', p, 'schemes', i]);
          if (labels.has(s.label)) {
            ctx.addIssue({
              code: 'custom',
              path: ['profiles', p, 'schemes', i, 'label'],
              message: `label ${JSON.stringify(s.label)} is used by another scheme; labels must be unique`,
            });
          }
          labels.add(s.label);
        });
      });
    });
}

export const subjectSchema = builtOnFirstUse(() =>
  z.object({ subject_id: z.string().min(1).max(255).optional() }).passthrough(),
);

/** One scheme the session must reach, whichever form asked for it. */
export interface RequestedScheme {
  trustFramework: string;
  type: string;
  objective?: string;
  /** Advanced form only. */
  label?: string;
  /** Advanced form: the scheme's own document filter. */
  filter?: unknown;
}

export interface IdentityProfileRequest {
  identity_profile_requirements?: z.output<typeof identityProfileRequirementsSchema>;
  advanced_identity_profile_requirements?: {
    profiles: {
      trust_framework: string;
      schemes: {
        type: string;
        objective?: string | null;
        label: string;
        config?: { filter?: unknown } | null;
      }[];
    }[];
  };
}

/** Which form the session uses, and its schemes; undefined for a session without identity profile. */
export function requestedSchemes(
  request: IdentityProfileRequest,
): { advanced: boolean; schemes: RequestedScheme[] } | undefined {
  const simple = request.identity_profile_requirements;
  if (simple) {
    const { type, objective } = simple.scheme;
    return {
      advanced: false,
      schemes: [{ trustFramework: simple.trust_framework, type, objective: objective ?? undefined }],
    };
  }
  const advanced = request.advanced_identity_profile_requirements;
  if (!advanced) return undefined;
  return {
    advanced: true,
    schemes: advanced.profiles.flatMap((profile) =>
      profile.schemes.map((s) => ({
        trustFramework: profile.trust_framework,
        type: s.type,
        objective: s.objective ?? undefined,
        label: s.label,
        filter: s.config?.filter ?? undefined,
      })),
    ),
  };
}
