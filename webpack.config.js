/**
 * Extends @wordpress/scripts' webpack config:
 * - blocks are found from blocks/ (block.json), script modules included (--experimental-modules);
 * - each wp-admin screen is an entry found by glob at src/admin/<screen>/index.tsx.
 */
process.env.WP_SOURCE_PATH = process.env.WP_SOURCE_PATH || 'blocks';

const path = require( 'path' );
const fs = require( 'fs' );
const defaults = require( '@wordpress/scripts/config/webpack.config' );

const [ scriptConfig, moduleConfig ] = Array.isArray( defaults )
	? defaults
	: [ defaults ];

function adminEntries() {
	const dir = path.join( __dirname, 'src', 'admin' );
	if ( ! fs.existsSync( dir ) ) {
		return {};
	}
	const entries = {};
	for ( const screen of fs.readdirSync( dir ) ) {
		const file = path.join( dir, screen, 'index.tsx' );
		if ( fs.existsSync( file ) ) {
			entries[ `admin/${ screen }/index` ] = file;
		}
	}
	return entries;
}

const blockEntries = scriptConfig.entry;

module.exports = [
	{
		...scriptConfig,
		entry: async () => ( {
			...( typeof blockEntries === 'function'
				? await blockEntries()
				: blockEntries ),
			...adminEntries(),
		} ),
	},
	moduleConfig,
].filter( Boolean );
