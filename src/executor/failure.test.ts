import { describe, expect, it } from 'vitest';
import { EngineError } from '../engine/engine-errors.js';
import type { PlanAction } from '../planner/plan-types.js';
import { describeFailure } from './failure.js';
import { healthTiming } from './wait-conditions.js';

const web: PlanAction = { id: 'container:web-1', action: 'create', type: 'container', name: 'p-web-1', service: 'web', cause: 'missing', changes: [], dependsOn: [] };
const net: PlanAction = { id: 'network:default', action: 'create', type: 'network', name: 'p_default', cause: 'missing', changes: [], dependsOn: [] };

describe('describeFailure', () => {
  it.each([
    [web, new EngineError('create container p-web-1: No such image: app:2', 404), /^service web: image app:2 is not present locally/],
    [web, new EngineError('start container x: driver failed programming external connectivity on endpoint p-web-1: Bind for 127.0.0.1:8080 failed: port is already allocated', 500), /^service web: host port 127\.0\.0\.1:8080 is already in use, so p-web-1 cannot start/],
    [web, new EngineError('start container x: listen tcp4 127.0.0.1:9000: bind: address already in use', 500), /^service web: host port 127\.0\.0\.1:9000 is already in use/],
    [net, new EngineError('create network p_default: conflict', 409), /^network p_default: create network p_default: conflict$/],
    [web, new Error('dependency db is unhealthy'), /^service web: dependency db is unhealthy$/],
  ])('%#: names the service and the cause', (action, err, re) => {
    expect(describeFailure(action, err).message).toMatch(re);
  });

  it('marks an unreachable engine so the CLI reports it once', () => {
    expect(describeFailure(web, new EngineError('cannot connect to the Docker Engine at unix:///x (ENOENT): …', 0)).unreachable).toBe(true);
    expect(describeFailure(web, new EngineError('conflict', 409)).unreachable).toBe(false);
  });
});

describe('healthTiming', () => {
  it.each([
    [{ interval: '100ms', timeout: '1s', retries: 3 }, 50, 0 + 1100 * 4 + 10_000],
    [{ interval: '2s', timeout: '1s', retries: 2, start_period: '5s', start_interval: '500ms' }, 100, 5000 + 3000 * 3 + 10_000],
    [undefined, 500, (30_000 + 30_000) * 4 + 10_000],
  ])('%o → poll %i ms, give up after %i ms', (hc, poll, deadline) => {
    expect(healthTiming(hc)).toEqual({ pollMs: poll, deadlineMs: deadline });
  });
});
