import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The engine and the losses run in workers, in Node tests and in benchmarks alike, so they may
// not reach for the DOM's libraries. Lint keeps that layering, not hope.
const ENGINE_FORBIDDEN = {
  patterns: [
    { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'The engine is UI-free: no React.' },
    { group: ['three', 'three/*'], message: 'The engine is UI-free: no three.js.' },
    { group: ['d3', 'd3-*'], message: 'The engine is UI-free: no d3.' },
    { group: ['zustand', 'zustand/*'], message: 'The engine holds no app state.' },
    { group: ['**/components/*', '**/app/*', '**/workers/*'], message: 'The engine may not import from the app layers.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'test-results', 'playwright-report', '.test-summary', '.scratch', 'e2e/screenshots'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Randomness is seeded: use rng(seed) from src/engine/rng.' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // d3 by module (d3-scale, d3-shape, …), so a chart brings only what it draws with.
      'no-restricted-imports': ['error', { paths: [{ name: 'd3', message: "Import d3's modules by name (d3-scale, d3-shape, d3-contour, …)." }] }],
    },
  },
  {
    files: ['src/engine/**/*.ts', 'src/losses/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', ENGINE_FORBIDDEN],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage'],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs', '.ci/**/*.mjs', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The benchmark's functions passed to page.evaluate run in the browser.
    files: ['bench/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
