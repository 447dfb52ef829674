/**
 * Extends @wordpress/scripts' webpack config:
 * - blocks are found from blocks/ (block.json), script modules included (--experimental-modules);
 * - each wp-admin screen is an entry found by glob at src/admin/<screen>/index.tsx;
 * - script modules may load code on demand: a dynamic `import()` in a view module becomes a lazy
 *   ES-module chunk (e.g. build/chat/app.js, named by its webpackChunkName) that webpack's runtime
 *   loads from the view module's own URL (publicPath "auto" reads import.meta.url). CSS imported by
 *   such a chunk is emitted next to it and added as a <link> when the chunk loads; both carry a
 *   content hash in `?ver=` so browsers never mix an old chunk with a new launcher.
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
	moduleConfig && {
		...moduleConfig,
		output: {
			...moduleConfig.output,
			publicPath: 'auto',
			chunkFilename: '[name].js?ver=[contenthash]',
			cssChunkFilename: '[name].css?ver=[contenthash]',
		},
	},
].filter( Boolean );
