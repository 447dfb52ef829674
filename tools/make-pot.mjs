/**
 * `npm run make-pot`: writes languages/handoff-bot.pot from the PHP sources, the TypeScript sources
 * (parsed with the TypeScript compiler) and block.json files.
 *
 *   node tools/make-pot.mjs [--check]   --check fails when the committed .pot is out of date.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT, capture, fail, parseArgs } from './lib.mjs';

const require = createRequire( import.meta.url );
const ts = require( 'typescript' );

const DOMAIN = 'handoff-bot';
const POT = path.join( ROOT, 'languages', `${ DOMAIN }.pot` );

function walk( dir, test, out = [] ) {
	if ( ! fs.existsSync( dir ) ) {
		return out;
	}
	for ( const entry of fs.readdirSync( dir, { withFileTypes: true } ) ) {
		const p = path.join( dir, entry.name );
		if ( entry.isDirectory() ) {
			if ( entry.name !== 'test' && entry.name !== 'node_modules' ) {
				walk( p, test, out );
			}
		} else if ( test( entry.name ) ) {
			out.push( p );
		}
	}
	return out;
}

const rel = ( file ) => path.relative( ROOT, file );

function phpStrings() {
	const files = [
		path.join( ROOT, 'handoff-bot.php' ),
		path.join( ROOT, 'uninstall.php' ),
		...walk( path.join( ROOT, 'includes' ), ( n ) => n.endsWith( '.php' ) ),
		...walk( path.join( ROOT, 'blocks' ), ( n ) => n.endsWith( '.php' ) ),
	].filter( ( f ) => fs.existsSync( f ) );
	const json = capture( 'php', [
		path.join( ROOT, 'tools', 'i18n', 'extract-php.php' ),
		DOMAIN,
		...files,
	] );
	if ( ! json ) {
		fail( 'PHP string extraction failed.' );
	}
	return JSON.parse( json ).map( ( e ) => ( {
		...e,
		ref: `${ rel( e.ref.split( ':' )[ 0 ] ) }:${ e.ref.split( ':' )[ 1 ] }`,
	} ) );
}

// Function => [singular, plural, context, domain] argument positions.
const JS_FUNCTIONS = {
	__: [ 0, null, null, 1 ],
	_x: [ 0, null, 1, 2 ],
	_n: [ 0, 1, null, 3 ],
	_nx: [ 0, 1, 3, 4 ],
};

function jsStrings() {
	const files = [
		...walk( path.join( ROOT, 'blocks' ), ( n ) =>
			/\.(t|j)sx?$/.test( n )
		),
		...walk(
			path.join( ROOT, 'src' ),
			( n ) => /\.(t|j)sx?$/.test( n ) && ! n.endsWith( '.d.ts' )
		),
	];
	const out = [];
	for ( const file of files ) {
		const text = fs.readFileSync( file, 'utf8' );
		const source = ts.createSourceFile(
			file,
			text,
			ts.ScriptTarget.Latest,
			true,
			file.endsWith( 'x' ) ? ts.ScriptKind.TSX : ts.ScriptKind.TS
		);
		const visit = ( node ) => {
			if (
				ts.isCallExpression( node ) &&
				ts.isIdentifier( node.expression ) &&
				// Own keys only: a call to a function named `constructor` or `toString` is no gettext.
				Object.hasOwn( JS_FUNCTIONS, node.expression.text )
			) {
				const [ s, p, c, d ] = JS_FUNCTIONS[ node.expression.text ];
				const lit = ( i ) => {
					const a = i === null ? undefined : node.arguments[ i ];
					return a &&
						( ts.isStringLiteral( a ) ||
							ts.isNoSubstitutionTemplateLiteral( a ) )
						? a.text
						: null;
				};
				if ( lit( d ) === DOMAIN && lit( s ) !== null ) {
					const comments =
						ts.getLeadingCommentRanges(
							text,
							node.getFullStart()
						) || [];
					const translators = comments
						.map( ( r ) => text.slice( r.pos, r.end ) )
						.find( ( t ) => /translators:/i.test( t ) );
					out.push( {
						msgid: lit( s ),
						msgid_plural: p === null ? null : lit( p ),
						msgctxt: c === null ? null : lit( c ),
						comment: translators
							? translators
									.replace( /^\/\*+|\*+\/$|^\/\//g, '' )
									.trim()
							: null,
						ref: `${ rel( file ) }:${ source.getLineAndCharacterOfPosition( node.getStart() ).line + 1 }`,
					} );
				}
			}
			ts.forEachChild( node, visit );
		};
		visit( source );
	}
	return out;
}

function blockJsonStrings() {
	const out = [];
	for ( const file of walk(
		path.join( ROOT, 'blocks' ),
		( n ) => n === 'block.json'
	) ) {
		const meta = JSON.parse( fs.readFileSync( file, 'utf8' ) );
		const add = ( msgid, msgctxt ) =>
			msgid &&
			out.push( {
				msgid,
				msgid_plural: null,
				msgctxt,
				comment: null,
				ref: rel( file ),
			} );
		add( meta.title, 'block title' );
		add( meta.description, 'block description' );
		( meta.keywords || [] ).forEach( ( k ) => add( k, 'block keyword' ) );
	}
	return out;
}

function headerStrings() {
	const text = fs.readFileSync(
		path.join( ROOT, 'handoff-bot.php' ),
		'utf8'
	);
	const out = [];
	for ( const [ field, comment ] of [
		[ 'Plugin Name', 'Plugin Name of the plugin' ],
		[ 'Description', 'Description of the plugin' ],
		[ 'Author', 'Author of the plugin' ],
	] ) {
		const m = text.match(
			new RegExp( `^\\s*\\*\\s*${ field }:\\s*(.+)$`, 'm' )
		);
		if ( m ) {
			out.push( {
				msgid: m[ 1 ].trim(),
				msgid_plural: null,
				msgctxt: null,
				comment,
				ref: 'handoff-bot.php',
			} );
		}
	}
	return out;
}

const quote = ( s ) =>
	`"${ s.replace( /\\/g, '\\\\' ).replace( /"/g, '\\"' ).replace( /\n/g, '\\n' ).replace( /\t/g, '\\t' ) }"`;

function build() {
	const entries = new Map();
	for ( const e of [
		...headerStrings(),
		...phpStrings(),
		...jsStrings(),
		...blockJsonStrings(),
	] ) {
		const key = `${ e.msgctxt ?? '' }\u0004${ e.msgid }`;
		const prev = entries.get( key );
		if ( prev ) {
			prev.refs.push( e.ref );
			prev.comments.add( e.comment );
		} else {
			entries.set( key, {
				...e,
				refs: [ e.ref ],
				comments: new Set( [ e.comment ] ),
			} );
		}
	}
	const version = JSON.parse(
		fs.readFileSync( path.join( ROOT, 'package.json' ), 'utf8' )
	).version;
	let pot = `# Copyright (C) Handoff Bot contributors\n# This file is distributed under the GPL-2.0-or-later.\nmsgid ""\nmsgstr ""\n"Project-Id-Version: Handoff Bot ${ version }\\n"\n"MIME-Version: 1.0\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Content-Transfer-Encoding: 8bit\\n"\n"Plural-Forms: nplurals=INTEGER; plural=EXPRESSION;\\n"\n"X-Domain: ${ DOMAIN }\\n"\n`;
	for ( const e of entries.values() ) {
		pot += '\n';
		for ( const c of e.comments ) {
			if ( c ) {
				pot += `#. ${ c.replace( /\n/g, ' ' ) }\n`;
			}
		}
		pot += `#: ${ e.refs.join( ' ' ) }\n`;
		if ( e.msgctxt ) {
			pot += `msgctxt ${ quote( e.msgctxt ) }\n`;
		}
		pot += `msgid ${ quote( e.msgid ) }\n`;
		if ( e.msgid_plural ) {
			pot += `msgid_plural ${ quote( e.msgid_plural ) }\nmsgstr[0] ""\nmsgstr[1] ""\n`;
		} else {
			pot += 'msgstr ""\n';
		}
	}
	return { pot, count: entries.size };
}

const args = parseArgs();
const { pot, count } = build();
if ( args.check ) {
	const current = fs.existsSync( POT ) ? fs.readFileSync( POT, 'utf8' ) : '';
	if ( current !== pot ) {
		fail(
			`${ rel( POT ) } is out of date: run \`npm run make-pot\` and commit it.`
		);
	}
	process.stdout.write(
		`  ${ rel( POT ) } is current (${ count } strings).\n`
	);
} else {
	fs.mkdirSync( path.dirname( POT ), { recursive: true } );
	fs.writeFileSync( POT, pot );
	process.stdout.write( `Wrote ${ rel( POT ) } (${ count } strings).\n` );
}
