// The raw floor for bench/up.mjs: dockerode alone, no planning, no waiting beyond what the order
// needs. `up P N [chain]`: create the network, create all containers concurrently, start them
// concurrently (a chain: in order, as any tool that respects depends_on must).
// `noop P`: one list call (the least an observer needs). `down P`: concurrent stop + remove, then the network.
import Docker from 'dockerode';

const [mode, project, nArg, chainArg] = process.argv.slice(2);
const n = Number(nArg ?? 0);
const chain = chainArg === 'chain';
const docker = new Docker({ socketPath: '/var/run/docker.sock' });
const IMAGE = process.env.NCOMPOSE_TEST_IMAGE ?? 'ncompose-test/busybox:latest';
const label = `com.docker.compose.project=${project}`;

async function up() {
  const network = `${project}_default`;
  await docker.createNetwork({ Name: network, Labels: { 'com.docker.compose.project': project, 'com.docker.compose.network': 'default' } });
  const names = Array.from({ length: n }, (_, i) => `svc${i}`);
  const containers = await Promise.all(
    names.map((svc) =>
      docker.createContainer({
        name: `${project}-${svc}-1`,
        Image: IMAGE,
        Cmd: ['sh', '-c', "trap 'exit 0' TERM; sleep 3600 & wait"],
        Labels: { 'com.docker.compose.project': project, 'com.docker.compose.service': svc, 'com.docker.compose.container-number': '1', 'com.docker.compose.oneoff': 'False' },
        HostConfig: { NetworkMode: network },
        NetworkingConfig: { EndpointsConfig: { [network]: { Aliases: [svc] } } },
      }),
    ),
  );
  if (chain) for (const c of containers) await c.start();
  else await Promise.all(containers.map((c) => c.start()));
}

async function down() {
  const list = await docker.listContainers({ all: true, filters: JSON.stringify({ label: [label] }) });
  await Promise.all(list.map(async (c) => {
    const ct = docker.getContainer(c.Id);
    await ct.stop().catch(() => undefined);
    await ct.remove({ force: true });
  }));
  const nets = await docker.listNetworks({ filters: JSON.stringify({ label: [label] }) });
  await Promise.all(nets.map((x) => docker.getNetwork(x.Id).remove()));
}

async function noop() {
  await docker.listContainers({ all: true, filters: JSON.stringify({ label: [label] }) });
}

await ({ up, down, noop })[mode]();
