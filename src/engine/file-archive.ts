/** The tar the Engine API extracts into a container (PUT /containers/{id}/archive) for files written before start. */
import { pack } from 'tar-stream';
import type { ContainerFile } from './engine.js';

/** Entries relative to `/`; the engine makes missing parent directories. */
export function filesArchive(files: ContainerFile[]): Promise<Buffer> {
  const tar = pack();
  const mtime = new Date();
  for (const f of files) {
    tar.entry({ name: f.path.replace(/^\/+/, ''), mode: f.mode, uid: f.uid, gid: f.gid, mtime }, f.content);
  }
  tar.finalize();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    tar.on('data', (c: Buffer) => chunks.push(c));
    tar.on('end', () => resolve(Buffer.concat(chunks)));
    tar.on('error', reject);
  });
}
