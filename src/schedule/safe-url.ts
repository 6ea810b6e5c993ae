/** An http(s) URL as given, or '' for anything else (javascript:, data:, relative links a schedule cannot resolve). */
export function safeUrl(url: string): string {
  const u = url.trim();
  return /^https?:\/\/[^\s]+$/i.test(u) ? u : '';
}
