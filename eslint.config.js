// @ts-check
/**
 * Lint rules: ESLint's and typescript-eslint's recommended sets, eslint-plugin-astro's, and the
 * import boundaries the architecture depends on (README, "Layout"). `npm run lint`; npm test runs it.
 */
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Node modules that do I/O or spawn processes: never in src/lib, which stays pure.
const NODE_IO = ['fs', 'fs/promises', 'child_process', 'http', 'https', 'net', 'worker_threads'].flatMap((name) => [name, `node:${name}`]);
// Browser globals: code that touches them belongs in the browser folder.
const BROWSER_GLOBALS = ['window', 'document', 'navigator', 'customElements', 'localStorage', 'sessionStorage', 'HTMLElement'].map((name) => ({
  name,
  message: 'browser code lives in src/client/',
}));

export default tseslint.config(
  { ignores: ['dist/', '.astro/', '.tmp/', 'tests/.out/', 'node_modules/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_name` marks a parameter a signature needs but the body does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests walk parsed JSON (fixtures, CLI output) whose shape is the thing under test.
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/lib/**/*.ts'],
    ignores: ['src/lib/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_IO.map((name) => ({ name, message: 'src/lib is pure: read and write files in scripts/ or src/queries/' })),
          patterns: [
            {
              group: ['**/queries/**', '**/pages/**', '**/components/**', '**/layouts/**', '**/scripts/**', '**/client/**'],
              message: 'src/lib imports nothing from the site, the browser code or the commands',
            },
            { group: ['astro:*'], message: 'src/lib runs outside Astro: no astro:* virtual modules (astro/zod is a plain module and allowed)' },
          ],
        },
      ],
    },
  },
  {
    // Pages and components join a study row to its result by id, never by position in two
    // arrays: reordering either list would silently attach one study's numbers to another.
    files: ['src/pages/**/*.{astro,ts}', 'src/components/**/*.{astro,ts}', 'src/layouts/**/*.{astro,ts}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `CallExpression[callee.property.name=/^(map|flatMap|forEach|filter|some|every|find|findIndex|reduce)$/] > :function[params.length>=2] MemberExpression[computed=true][property.name=/^(i|j|index|idx)$/]`,
          message: 'join by id (find the row with the same id), not by array position',
        },
        {
          selector: 'ForStatement MemberExpression[computed=true][property.name=/^(i|j|index|idx)$/]',
          message: 'join by id, not by array position',
        },
      ],
    },
  },
  {
    // Everything but the browser folder runs in Node or at build time.
    files: ['src/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['src/client/**', '**/*.astro/*.ts'],
    rules: { 'no-restricted-globals': ['error', ...BROWSER_GLOBALS] },
  },
  {
    // src/client/ is the browser folder. A page's <script> (linted as `page.astro/N_N.ts`)
    // only imports from there and registers its elements.
    files: ['src/client/**/*.ts', '**/*.astro/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { paths: NODE_IO, patterns: [{ group: ['node:*'], message: 'browser code cannot use Node modules' }] }],
    },
  },
);
