// @ts-check
/**
 * Lint rules: ESLint's recommended set, typescript-eslint's type-checked one, eslint-plugin-astro's,
 * and the import boundaries the architecture depends on (README, "Layout"). `npm run lint`; npm test runs it.
 * Type-aware, so that a value typed `any` (parsed JSON, an untyped library) cannot flow unchecked
 * into the statistics, the pages or a test's assertions, and a promise cannot be dropped unawaited.
 * Every .ts file and astro.config.mjs is read through tsconfig.json (one project, after `astro sync`
 * has written the types of astro:content); this file, outside it, through a default project.
 */
import { readdirSync } from 'node:fs';
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

// What src/lib may never import, whatever the folder.
const LIB_PATTERNS = [
  {
    group: ['**/queries/**', '**/pages/**', '**/components/**', '**/layouts/**', '**/scripts/**', '**/client/**'],
    message: 'src/lib imports nothing from the site, the browser code or the commands',
  },
  { group: ['astro:*'], message: 'src/lib runs outside Astro: no astro:* virtual modules (astro/zod is a plain module and allowed)' },
];

/**
 * The floors of src/lib, ground first: a folder imports only from floors below its own (and
 * from itself), so no import runs upward and no two folders depend on each other. The
 * vocabulary (codes, outcomes, their words) is the ground; the rules' numbers stand on it;
 * statistics, then pooling and the schemas; formatting and validation; GRADE and the other
 * single-purpose readers; the review model; and what draws or re-runs the review.
 */
const LIB_FLOORS = [
  ['vocabulary'],
  ['rules', 'stats', 'licence', 'cli'],
  ['pooling', 'schema'],
  ['format', 'validation'],
  ['certainty', 'registry', 'search'],
  ['review'],
  ['plots', 'reanalysis'],
];
const LIB_FOLDERS = LIB_FLOORS.flat();
// A new folder must be given its floor, or it would escape the rule.
for (const entry of readdirSync(new URL('src/lib/', import.meta.url), { withFileTypes: true })) {
  if (entry.isDirectory() && !LIB_FOLDERS.includes(entry.name))
    throw new Error(`eslint.config.js: src/lib/${entry.name} is on no floor; add it to LIB_FLOORS`);
}

/** @param {string} folder */
function floorPatterns(folder) {
  const floor = LIB_FLOORS.findIndex((folders) => folders.includes(folder));
  const above = LIB_FLOORS.slice(floor)
    .flat()
    .filter((other) => other !== folder);
  return above.length === 0
    ? []
    : [
        {
          group: above.map((other) => `**/${other}/**`),
          message: `src/lib/${folder} imports only from the floors below it (eslint.config.js, LIB_FLOORS)`,
        },
      ];
}

// Array methods whose callback receives the element's position, and where: (item, index, array),
// or (accumulator, item, index, array) for reduce.
const POSITION_PARAM = { map: 1, flatMap: 1, forEach: 1, filter: 1, some: 1, every: 1, find: 1, findIndex: 1, reduce: 2, reduceRight: 2 };

/** @param {import('estree').Node} node */
const nameOf = (node) => (node.type === 'Identifier' ? node.name : undefined);

/**
 * Reports `other[i]` where `i` is a position: the index parameter of an array method's callback
 * indexing any array but the one iterated, or a `for` loop's counter indexing two different
 * arrays. Both pair two lists by position, whatever the variable is called.
 * @type {import('eslint').Rule.RuleModule}
 */
const noPositionJoin = {
  meta: { type: 'problem', messages: { join: 'join by id (find the row with the same id), not by array position ({{index}})' } },
  create(context) {
    /** @type {{ index: string; allowed: Set<string | undefined>; indexed: Set<string>; node: unknown; loop?: boolean }[]} */
    const positions = [];
    return {
      CallExpression(node) {
        const callee = node.callee;
        const method = callee.type === 'MemberExpression' ? nameOf(callee.property) : undefined;
        const callback = node.arguments[0];
        const at = method === undefined ? undefined : POSITION_PARAM[/** @type {keyof typeof POSITION_PARAM} */ (method)];
        if (at === undefined || !callback || (callback.type !== 'ArrowFunctionExpression' && callback.type !== 'FunctionExpression')) return;
        const index = callback.params[at] && nameOf(callback.params[at]);
        if (!index || callee.type !== 'MemberExpression') return;
        // The iterated array itself, by name or through the callback's own array parameter.
        const allowed = new Set([nameOf(callee.object), callback.params[at + 1] && nameOf(callback.params[at + 1])]);
        positions.push({ index, allowed, indexed: new Set(), node: callback });
      },
      'CallExpression:exit'(node) {
        if (positions.at(-1)?.node === node.arguments[0]) positions.pop();
      },
      ForStatement(node) {
        const init = node.init?.type === 'VariableDeclaration' ? node.init.declarations[0] : undefined;
        const index = init && nameOf(init.id);
        if (index) positions.push({ index, allowed: new Set(), indexed: new Set(), node, loop: true });
      },
      'ForStatement:exit'(node) {
        if (positions.at(-1)?.node === node) positions.pop();
      },
      MemberExpression(node) {
        if (!node.computed) return;
        const index = nameOf(node.property);
        const position = positions.findLast((p) => p.index === index);
        if (!position) return;
        const array = context.sourceCode.getText(node.object);
        if (position.loop) {
          position.indexed.add(array);
          if (position.indexed.size < 2) return;
        } else if (position.allowed.has(array)) return;
        context.report({ node, messageId: 'join', data: { index } });
      },
    };
  },
};

export default tseslint.config(
  { ignores: ['dist/', '.astro/', '.tmp/', 'tests/.out/', 'node_modules/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js'] }, tsconfigRootDir: import.meta.dirname },
    },
  },
  ...astro.configs.recommended,
  {
    // Without type information: .astro files and their <script>s (the project service cannot
    // read .astro; components only render, what they show is typed in src/lib and src/queries),
    // and the hostile trial fixtures' JavaScript, which is content under test, not code of the project.
    files: ['**/*.astro', '**/*.astro/*.ts', 'tests/fixtures/**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_name` marks a parameter a signature needs but the body does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...LIB_FOLDERS.map((folder) => ({
    files: [`src/lib/${folder}/**/*.ts`],
    ignores: ['src/lib/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_IO.map((name) => ({ name, message: 'src/lib is pure: read and write files in scripts/ or src/queries/' })),
          patterns: [...LIB_PATTERNS, ...floorPatterns(folder)],
        },
      ],
    },
  })),
  {
    files: ['src/lib/*.ts'],
    ignores: ['src/lib/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_IO.map((name) => ({ name, message: 'src/lib is pure: read and write files in scripts/ or src/queries/' })),
          patterns: LIB_PATTERNS,
        },
      ],
    },
  },
  {
    // Pages and components join a study row to its result by id, never by position in two
    // arrays: reordering either list would silently attach one study's numbers to another.
    files: ['src/pages/**/*.{astro,ts}', 'src/components/**/*.{astro,ts}', 'src/layouts/**/*.{astro,ts}'],
    plugins: { review: { rules: { 'no-position-join': noPositionJoin } } },
    rules: {
      'review/no-position-join': 'error',
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
