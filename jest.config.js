/**
 * Jest: the WordPress preset, with tests next to the code in test/ folders.
 */
const preset = require( '@wordpress/scripts/config/jest-unit.config.js' );

const ignored = [
	'<rootDir>/.wp/',
	'<rootDir>/.cache/',
	'<rootDir>/vendor/',
	'<rootDir>/build/',
	'<rootDir>/node_modules/',
	'<rootDir>/tests/e2e/',
];

module.exports = {
	...preset,
	testMatch: [ '<rootDir>/{blocks,src}/**/test/**/*.test.[jt]s?(x)' ],
	testPathIgnorePatterns: ignored,
	modulePathIgnorePatterns: ignored,
	watchPathIgnorePatterns: ignored,
};
