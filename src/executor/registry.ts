/**
 * What the executor knows about the project's containers while it runs: seeded from the snapshot,
 * updated as actions create, rename and remove. Resolves `service:x`, volumes_from and links.
 */
import type { Snapshot } from '../engine/engine.js';
import { LABELS, containerNumber } from '../planner/names.js';

interface Entry {
  id: string;
  name: string;
  service: string;
  number: number;
}

export class ContainerRegistry {
  private readonly byId = new Map<string, Entry>();
  /** Plan action id → the id of the container it produced or kept. */
  readonly byAction = new Map<string, string>();
  readonly images = new Map<string, string>();

  constructor(snapshot: Snapshot) {
    for (const c of snapshot.containers) {
      const service = c.labels[LABELS.service];
      if (!service) continue;
      this.byId.set(c.id, { id: c.id, name: c.name, service, number: containerNumber(c.labels) || 0 });
    }
    for (const [ref, id] of Object.entries(snapshot.images)) if (id) this.images.set(ref, id);
  }

  put(actionId: string, e: Entry): void {
    this.byId.set(e.id, e);
    this.byAction.set(actionId, e.id);
  }

  drop(id: string): void {
    this.byId.delete(id);
  }

  rename(id: string, name: string): void {
    const e = this.byId.get(id);
    if (e) e.name = name;
  }

  private entries(service: string): Entry[] {
    return [...this.byId.values()].filter((e) => e.service === service).sort((a, b) => a.number - b.number || a.name.localeCompare(b.name));
  }

  containersOf(service: string): string[] {
    return this.entries(service).map((e) => e.id);
  }

  namesOf(service: string): string[] {
    return this.entries(service).map((e) => e.name);
  }

  nameOf(id: string): string | undefined {
    return this.byId.get(id)?.name;
  }
}
