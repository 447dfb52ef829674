/**
 * ESLint: the WordPress recommended rules from @wordpress/scripts, with the Node tooling allowed to
 * document parameters without JSDoc types (they are plain scripts, not typed code).
 */
const wordpress = require( '@wordpress/scripts/config/eslint.config.cjs' );

module.exports = [
	...( Array.isArray( wordpress ) ? wordpress : [ wordpress ] ),
	{
		ignores: [
			'build/**',
			'vendor/**',
			'.wp/**',
			'.cache/**',
			'node_modules/**',
			'playwright-report/**',
			'test-results/**',
			'bench/results/**',
		],
	},
	{
		files: [
			'tools/**/*.mjs',
			'bench/**/*.mjs',
			'webpack.config.js',
			'eslint.config.cjs',
		],
		rules: {
			'jsdoc/require-param-type': 'off',
			'jsdoc/require-returns-type': 'off',
			'jsdoc/check-types': 'off',
			'jsdoc/require-param': 'off',
			'jsdoc/check-param-names': 'off',
			'no-console': 'off',
		},
	},
	{
		files: [ 'tests/e2e/**/*.ts', 'playwright.config.ts' ],
		rules: {
			'import/no-extraneous-dependencies': 'off',
			'no-console': 'off',
		},
	},
];
