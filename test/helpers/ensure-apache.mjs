#!/usr/bin/env node
// Makes sure Apache httpd with mod_dav is present for the sync tests, installing Debian's apache2 package when we are
// root on a Debian-like system, and otherwise saying exactly what to do. The tests never use the system's Apache
// service or config: they start their own server on a free loopback port.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const binary = '/usr/sbin/apache2';
const module = '/usr/lib/apache2/modules/mod_dav_fs.so';
if (existsSync(binary) && existsSync(module)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (isRoot && hasApt) {
  console.log("Apache is missing: installing Debian's package (apt-get install -y --no-install-recommends apache2) for the sync tests…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'apache2'], { stdio: 'inherit', env });
  if (existsSync(binary) && existsSync(module)) process.exit(0);
  console.error(`apt-get finished but ${binary} or ${module} is still missing.`);
  process.exit(1);
}

console.error(
  [
    'The sync tests need Apache httpd with mod_dav, and it was not found.',
    hasApt
      ? '  Install it:   sudo apt-get install -y --no-install-recommends apache2'
      : "  Install Apache 2.4 with mod_dav and mod_dav_fs with your system's package manager (Debian's layout is expected).",
  ].join('\n'),
);
process.exit(1);
