/** Where and as whom this device syncs: a WebDAV folder the user owns. Stored on the device only. */

export interface SyncConfig {
  /** The WebDAV address, e.g. https://cloud.example.org/remote.php/dav/files/alice */
  serverUrl: string;
  /** The folder inside it that holds Lectern's files, e.g. "Lectern". */
  folder: string;
  username: string;
  password: string;
}

/** Per-field plain messages; {} when the configuration can be tried. */
export function validateSyncConfig(c: SyncConfig): Partial<Record<keyof SyncConfig, string>> {
  const out: Partial<Record<keyof SyncConfig, string>> = {};
  const url = c.serverUrl.trim();
  if (!url) out.serverUrl = 'Enter the address of your WebDAV server.';
  else {
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      out.serverUrl = 'This is not a web address. It starts with https://';
    }
    if (parsed) {
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') out.serverUrl = 'The address must start with https://';
      else if (parsed.username || parsed.password) out.serverUrl = 'Put the user name and password in their own fields, not in the address.';
      else if (parsed.search || parsed.hash) out.serverUrl = 'The address cannot hold ? or #.';
      else if (parsed.protocol === 'http:' && !isLoopback(parsed.hostname))
        out.serverUrl = 'Use https:// — a password sent over http:// can be read by anyone on the network.';
    }
  }
  const folder = c.folder.trim();
  if (!folder.replace(/\//g, '')) out.folder = 'Name the folder for Lectern, e.g. Lectern.';
  else if (folder.split('/').some((s) => s === '.' || s === '..')) out.folder = 'The folder name cannot contain . or .. parts.';
  else if (/[\\?#%*:|"<>\u0000-\u001f]/.test(folder)) out.folder = 'Use letters, digits, spaces, - and _ in the folder name.';
  if (!c.username.trim()) out.username = 'Enter your user name on the server.';
  else if (c.username.includes(':')) out.username = 'A user name cannot contain a colon.';
  if (!c.password) out.password = 'Enter the password (for Nextcloud, an app password).';
  return out;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The folder as path segments, without empty parts: " /Notes/Lectern/ " → ["Notes", "Lectern"]. */
export function folderSegments(folder: string): string[] {
  return folder
    .trim()
    .split('/')
    .map((s) => s.trim())
    .filter(Boolean);
}
