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
	// Some dependencies of @wordpress/components (uuid, @wordpress/theme) ship ES modules only
	// (.mjs): Babel compiles them for Jest too.
	transform: {
		'\\.[cm]?[jt]sx?$': Object.values( preset.transform )[ 0 ],
	},
	transformIgnorePatterns: [ '/node_modules/(?!(uuid|@wordpress)/)' ],
	testMatch: [ '<rootDir>/{blocks,src}/**/test/**/*.test.[jt]s?(x)' ],
	testPathIgnorePatterns: ignored,
	modulePathIgnorePatterns: ignored,
	watchPathIgnorePatterns: ignored,
};
