import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesArchive } from './file-archive.js';

describe('filesArchive', () => {
  it('is a tar that system tar extracts: paths under /, content, mode, owner', async () => {
    const tarball = await filesArchive([
      { path: '/run/secrets/token', content: 's3cret\n', mode: 0o440, uid: 103, gid: 104 },
      { path: '/app.conf', content: 'x=1', mode: 0o444, uid: 0, gid: 0 },
    ]);
    const dir = mkdtempSync(path.join(tmpdir(), 'ncarchive-'));
    try {
      writeFileSync(path.join(dir, 'a.tar'), tarball);
      const listing = execFileSync('tar', ['-tvf', path.join(dir, 'a.tar'), '--numeric-owner'], { encoding: 'utf8' });
      expect(listing).toMatch(/^-r--r----- 103\/104\s+7 .* run\/secrets\/token$/m);
      expect(listing).toMatch(/^-r--r--r-- 0\/0\s+3 .* app\.conf$/m);
      execFileSync('tar', ['-xf', 'a.tar'], { cwd: dir });
      expect(readFileSync(path.join(dir, 'run/secrets/token'), 'utf8')).toBe('s3cret\n');
      expect(statSync(path.join(dir, 'app.conf')).mode & 0o777).toBe(0o444);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
