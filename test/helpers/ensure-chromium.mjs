#!/usr/bin/env node
// Makes sure a Chromium for the end-to-end tests is present, installing Debian's package when we are
// root on a Debian-like system, and otherwise saying exactly what to do.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
const found = candidates.find((p) => existsSync(p));
if (found) process.exit(0);

if (process.env.CHROME_PATH) {
  console.error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, but no file is there. Point it at a Chromium or Chrome binary.`);
  process.exit(1);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (isRoot && hasApt) {
  console.log('Chromium is missing: installing Debian\'s package (apt-get install -y chromium) for the browser tests…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  if (existsSync('/usr/bin/chromium')) process.exit(0);
  console.error('apt-get finished but /usr/bin/chromium is still missing.');
  process.exit(1);
}

console.error(
  [
    'The browser tests need Chromium, and none was found.',
    hasApt ? '  Install it:   sudo apt-get install -y chromium' : '  Install Chromium or Google Chrome with your system\'s package manager,',
    '  or point the tests at one:   CHROME_PATH=/path/to/chrome npm test',
  ].join('\n'),
);
process.exit(1);
