/**
 * A refusal the database layer states for the user (the API passes it on as it is): the RPC
 * code, a plain message, and a key with the values its sentence names, for the UI to translate.
 */
export class DbRefusal extends Error {
  constructor(
    readonly code: 'BAD_PARAMS' | 'CONFLICT',
    message: string,
    readonly details: { key: string; field?: string; params: Record<string, string | number> },
  ) {
    super(message);
  }
}
