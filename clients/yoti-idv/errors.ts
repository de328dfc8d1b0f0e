/** A Yoti IDV API error: status and Yoti's `{code, message, errors[{property, message}]}`. */
export class YotiIdvError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: { property: string; message: string }[] = [],
  ) {
    super(
      `${status} ${code}: ${message}${errors.length ? ` (${errors.map((e) => `${e.property}: ${e.message}`).join('; ')})` : ''}`,
    );
    this.name = 'YotiIdvError';
  }

  static async from(response: Response): Promise<YotiIdvError> {
    const text = await response.text();
    try {
      const body = JSON.parse(text) as {
        code?: string;
        message?: string;
        errors?: { property: string; message: string }[];
      };
      return new YotiIdvError(
        response.status,
        body.code ?? 'UNKNOWN',
        body.message ?? text,
        body.errors ?? [],
      );
    } catch {
      return new YotiIdvError(response.status, 'UNKNOWN', text || response.statusText);
    }
  }
}
