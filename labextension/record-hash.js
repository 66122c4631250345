// Records the hash of what the built extension is made from (src/, style/, package.json,
// package-lock.json) next to the build, so tests/labext/test_build.py can tell a stale build.
// The same recipe lives in nbapp/labext_hash.py: keep them in step.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const root = __dirname;
const files = [];
for (const dir of ['src', 'style']) {
  const walk = d => {
    for (const entry of fs.readdirSync(path.join(root, d), { withFileTypes: true })) {
      const rel = path.posix.join(d, entry.name);
      if (entry.isDirectory()) walk(rel);
      else files.push(rel);
    }
  };
  walk(dir);
}
files.push('package.json', 'package-lock.json');
files.sort();
const hash = crypto.createHash('sha256');
for (const rel of files) {
  hash.update(rel + '\0');
  hash.update(fs.readFileSync(path.join(root, rel)));
  hash.update('\0');
}
const out = path.join(root, '..', 'nbapp', 'labextension', 'build-hash.txt');
fs.writeFileSync(out, hash.digest('hex') + '\n');
console.log(`recorded ${out}`);
