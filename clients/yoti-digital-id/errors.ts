/** A Digital ID API error: the status and the body's `{error, message}`. */
export class YotiDigitalIdError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`${status} ${code}: ${message}`);
    this.name = 'YotiDigitalIdError';
  }

  static async from(response: Response): Promise<YotiDigitalIdError> {
    const text = await response.text();
    try {
      const body = JSON.parse(text) as { error?: string; code?: string; message?: string };
      return new YotiDigitalIdError(
        response.status,
        body.error ?? body.code ?? 'UNKNOWN',
        body.message ?? text,
      );
    } catch {
      return new YotiDigitalIdError(response.status, 'UNKNOWN', text || response.statusText);
    }
  }
}
