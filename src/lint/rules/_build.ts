/** The build section of a service: where its context and Dockerfile are on disk. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Path } from '../../parser/types.js';
import type { RuleContext } from '../types.js';
import { isDynamic, isObj, projectDir, scalarText, type ServiceEntry } from './_util.js';

export interface BuildInfo {
  context: string;
  contextPath: Path;
  /** Absolute context folder, undefined for remote or interpolated contexts. */
  dir?: string;
  dockerfile?: { value: string; path: Path };
  inline: boolean;
}

export function buildInfo(ctx: RuleContext, s: ServiceEntry): BuildInfo | undefined {
  const b = s.svc.build;
  const long = isObj(b);
  const context = long ? (scalarText(b.context) ?? '.') : scalarText(b);
  if (context === undefined) return undefined;
  const contextPath: Path = long ? (b.context === undefined ? [...s.path, 'build'] : [...s.path, 'build', 'context']) : [...s.path, 'build'];
  const local = !isRemote(context) && !isDynamic(ctx, contextPath, context);
  const df = long ? scalarText(b.dockerfile) : undefined;
  return {
    context,
    contextPath,
    dir: local ? path.resolve(projectDir(ctx), expandHome(context)) : undefined,
    dockerfile: df === undefined ? undefined : { value: df, path: [...s.path, 'build', 'dockerfile'] },
    inline: long && b.dockerfile_inline !== undefined,
  };
}

/** Git URLs, http(s) tarballs and other `scheme://` contexts are fetched by the builder. */
export function isRemote(context: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(context) || context.startsWith('git@') || /\.git(#.*)?$/.test(context) || context.startsWith('github.com/');
}

function expandHome(p: string): string {
  return p.startsWith('~/') ? path.join(process.env.HOME ?? '~', p.slice(2)) : p;
}

export function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The Dockerfile of a local build, if it exists. */
export function dockerfilePath(info: BuildInfo): string | undefined {
  if (!info.dir) return undefined;
  const f = path.resolve(info.dir, info.dockerfile?.value ?? 'Dockerfile');
  return existsSync(f) ? f : undefined;
}

/** Whether the service's own Dockerfile declares a HEALTHCHECK (other than NONE). */
export function dockerfileHasHealthcheck(ctx: RuleContext, s: ServiceEntry): boolean {
  const info = buildInfo(ctx, s);
  if (!info) return false;
  if (info.inline) return /^\s*HEALTHCHECK\s+(?!NONE\b)/im.test(String((s.svc.build as Record<string, unknown>).dockerfile_inline));
  const file = dockerfilePath(info);
  if (!file) return false;
  try {
    return /^\s*HEALTHCHECK\s+(?!NONE\b)/im.test(readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
}
