/** Content addresses for stored photos. */

/** The SHA-256 of a blob's bytes as 64 lowercase hex digits. */
export async function sha256Hex(blob: Blob): Promise<string> {
  // crypto.subtle exists only in secure contexts (HTTPS or localhost); say so rather than fail obscurely.
  if (!globalThis.crypto?.subtle) throw new Error('This page is not served over HTTPS, so the browser cannot fingerprint photos.');
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
