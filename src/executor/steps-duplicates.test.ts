// The create step of a recreate waits for the removal of a duplicate replica (an interrupted
// recreate's leftover may hold the temporary name `<id12>_<name>` that create uses).
import { describe, expect, it } from 'vitest';
import type { PlanAction } from '../planner/plan-types.js';
import { modelFrom } from '../planner/testing.js';
import { expandSteps } from './steps.js';

const project = modelFrom({ name: 'p', services: { api: { image: 'busybox' }, db: { image: 'busybox' } } });
const base = { type: 'container' as const, changes: [], details: {} };
const dupe: PlanAction = { ...base, id: 'container:abcdef012345_p-api-1', action: 'remove', name: 'abcdef012345_p-api-1', service: 'api', cause: 'invalid_number', dependsOn: [] };
const db: PlanAction = { ...base, id: 'container:db-1', action: 'create', name: 'p-db-1', service: 'db', cause: 'missing', dependsOn: [] };
const api: PlanAction = { ...base, id: 'container:api-1', action: 'recreate', name: 'p-api-1', service: 'api', cause: 'config_changed', existingId: 'abcdef012345aaaa', dependsOn: [dupe.id, db.id] };

describe('expandSteps with a duplicate replica', () => {
  it('gates the create on the duplicate removal, not on other containers', () => {
    const create = expandSteps([dupe, db, api], project).find((s) => s.id === 'container:api-1#create')!;
    expect(create.dependsOn).toEqual([dupe.id]);
  });
});
