import { defineConfig } from 'vitest/config';

// Two projects: the pure core (fast, no Docker) and the end-to-end suite that runs dist/index.js
// against real dockerd/buildx/registry. The e2e suite runs its files one at a time: they share one engine.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], setupFiles: ['test/unit/setup.ts'] } },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 600_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
