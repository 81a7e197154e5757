// Engine-backed tests fail (never skip) when no engine answers: this setup throws.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  try {
    execFileSync('docker', ['info', '--format', '{{.ServerVersion}}'], { stdio: 'pipe', timeout: 20_000 });
  } catch (e) {
    throw new Error(
      'No Docker Engine answers: end-to-end tests need one. Run `npm test` (it starts dockerd as root) or start dockerd yourself.\n' +
        String((e as Error).message),
    );
  }
  execFileSync('bash', ['scripts/build-test-image.sh'], { stdio: 'inherit' });
}
