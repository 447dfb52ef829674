/**
 * Extends @wordpress/scripts' webpack config:
 * - blocks are found from blocks/ (block.json), script modules included (--experimental-modules);
 * - each wp-admin screen is an entry found by glob at src/admin/<screen>/index.tsx;
 * - packages newer than the oldest WordPress supported (BUNDLED) are bundled, not external;
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

// Packages WordPress 6.8 (the oldest supported) does not ship as scripts are bundled instead of
// loaded from WordPress: `@wordpress/theme` (which DataViews needs) arrived after it.
const BUNDLED = [ '@wordpress/theme' ];
// The plugin @wordpress/scripts configured, made again with the packages to bundle.
const scriptPlugins = scriptConfig.plugins.map( ( plugin ) =>
	plugin.constructor.name === 'DependencyExtractionWebpackPlugin'
		? new plugin.constructor( {
				requestToExternal: ( request ) =>
					BUNDLED.includes( request ) ? false : undefined,
				requestToHandle: ( request ) =>
					BUNDLED.includes( request ) ? false : undefined,
			} )
		: plugin
);

module.exports = [
	{
		...scriptConfig,
		plugins: scriptPlugins,
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
