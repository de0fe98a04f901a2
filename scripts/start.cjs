#!/usr/bin/env node
// `npm start`: the desktop app where Electron's binary is installed, otherwise web mode.
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');

function electronBinary() {
  try {
    const pathTxt = join(__dirname, '..', 'node_modules', 'electron', 'path.txt');
    if (!existsSync(pathTxt)) return null;
    const bin = require('electron'); // resolves to the binary path when installed
    return typeof bin === 'string' && existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', cwd: join(__dirname, '..') }).status ?? 1;

const bin = electronBinary();
if (bin) {
  const status = run(npm, ['run', 'build', '--silent']);
  if (status !== 0) process.exit(status);
  process.exit(run(bin, ['.']));
}
console.log(
  [
    'Electron is not installed on this machine (its binary is downloaded from outside the npm registry).',
    'Starting the same app in web mode instead: open the address printed below in a browser.',
    'To get the desktop window later: `npx install-electron` (or `node node_modules/electron/install.js`) on a machine with internet access, then `npm start` again.',
    '',
  ].join('\n'),
);
process.exit(run(npm, ['run', 'web', '--', ...process.argv.slice(2)]));
