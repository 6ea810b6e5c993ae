/** A new random record id. */
export function newId(): string {
  return crypto.randomUUID();
}

/** The current instant as an ISO 8601 string, the format every timestamp is stored in. */
export function nowIso(): string {
  return new Date().toISOString();
}
