// The leg strategy for the docker driver on an engine with the classic image store, which can neither push by
// digest nor export an OCI archive: the image is loaded into the engine under a local name, written out with
// `docker save` (an OCI layout since Docker 25) and removed again; the registry client then pushes the layout
// by digest like any other.
import { run, tail } from '../exec.js';

export async function saveImage(image: string, dest: string, dockerConfig: string): Promise<void> {
  const env = { DOCKER_CONFIG: dockerConfig };
  const saved = await run('docker', ['save', '--output', dest, image], { secrets: [], env });
  // the local name was only a handle for `docker save`: never leave it in the engine
  await run('docker', ['image', 'rm', image], { secrets: [], env });
  if (saved.code !== 0) throw new Error(`docker save ${image} failed: ${tail(saved, 3)}`);
}
