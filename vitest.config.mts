import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    pool: 'forks',
    // Every RPC result is checked against the contract in tests.
    env: { LUUDONG_CHECK_RESULTS: '1' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
