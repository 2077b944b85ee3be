// `images` input: `name` lines (or one comma-separated line), or `name=<img>,enable=<bool>`.
import { parseBoolean } from '../bool.js';
import { fields } from './csv.js';
import { isValidImageName } from './sanitize.js';
import { InputError } from '../errors.js';
import type { ImageName } from './types.js';

const EXPECTED_NAME = 'a registry/repository name such as ghcr.io/owner/name';
const EXPECTED_LINE = 'an image name, or name=<image>,enable=<true|false>';

export function parseImages(lines: string[]): ImageName[] {
  const images: ImageName[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    const parsed = fields(line, 'images', EXPECTED_LINE);
    if (parsed.every((f) => f.key === undefined)) {
      // plain names; several on one line are several images (metadata-action's older comma form)
      for (const f of parsed) images.push({ name: checkName(f.value, line), enable: true });
      continue;
    }
    let name = '';
    let enable = true;
    for (const f of parsed) {
      if (f.key === undefined || f.key === 'name') {
        name = f.value;
      } else if (f.key === 'enable') {
        const b = parseBoolean(f.value);
        if (b === undefined) throw new InputError('images', line, 'enable=true or enable=false');
        enable = b;
      } else {
        throw new InputError('images', line, `${EXPECTED_LINE} (unknown attribute "${f.key}")`);
      }
    }
    images.push({ name: checkName(name, line), enable });
  }
  return images;
}

function checkName(raw: string, line: string): string {
  const name = raw.toLowerCase();
  if (!isValidImageName(name)) {
    throw new InputError('images', raw === '' ? line : raw, EXPECTED_NAME);
  }
  return name;
}
