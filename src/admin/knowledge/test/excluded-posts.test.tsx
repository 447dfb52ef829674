/**
 * Excluded posts are chosen by searching their titles and listed by title; the setting keeps IDs.
 */
import { createRoot } from '@wordpress/element';
import { act } from 'react';

import type { PostChoice, PostType } from '../../../shared/types';
import ExcludedPosts from '../components/ExcludedPosts';

// React's act() warns unless the environment says it is a test.
(
	globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }
 ).IS_REACT_ACT_ENVIRONMENT = true;

const TYPES: PostType[] = [
	{ name: 'post', label: 'Posts', singular_label: 'Post', searchable: true },
	{ name: 'page', label: 'Pages', singular_label: 'Page', searchable: true },
	{ name: 'faq', label: 'FAQs', singular_label: 'FAQ', searchable: false },
];

const POSTS: PostChoice[] = [
	{ id: 11, title: 'Shipping', subtype: 'page', url: '/shipping/' },
	{ id: 12, title: 'Shipping costs', subtype: 'post', url: '/costs/' },
	{ id: 13, title: 'Returns', subtype: 'page', url: '/returns/' },
];

// jsdom lays nothing out, so it has no scrollIntoView (the suggestion list calls it).
Element.prototype.scrollIntoView = () => undefined;

let container: HTMLDivElement;
let root: ReturnType< typeof createRoot >;

beforeEach( () => {
	container = document.createElement( 'div' );
	document.body.appendChild( container );
	root = createRoot( container );
} );

afterEach( () => {
	act( () => root.unmount() );
	container.remove();
} );

async function settle() {
	await act( async () => {
		await new Promise( ( resolve ) => setTimeout( resolve, 0 ) );
	} );
}

function render( props: Partial< Parameters< typeof ExcludedPosts >[ 0 ] > ) {
	const onChange = jest.fn();
	const search = jest.fn( async ( words: string ) =>
		POSTS.filter( ( p ) =>
			p.title.toLowerCase().includes( words.toLowerCase() )
		)
	);
	const lookup = jest.fn( async ( ids: number[] ) =>
		POSTS.filter( ( p ) => ids.includes( p.id ) )
	);
	act( () =>
		root.render(
			<ExcludedPosts
				ids={ [] }
				types={ TYPES }
				max={ 1000 }
				onChange={ onChange }
				search={ search }
				lookup={ lookup }
				delay={ 0 }
				{ ...props }
			/>
		)
	);
	return { onChange, search, lookup };
}

function type( input: HTMLInputElement, value: string ) {
	const setter = Object.getOwnPropertyDescriptor(
		HTMLInputElement.prototype,
		'value'
	)?.set;
	act( () => input.focus() );
	act( () => {
		setter?.call( input, value );
		input.dispatchEvent( new Event( 'input', { bubbles: true } ) );
	} );
}

function options(): HTMLElement[] {
	return Array.from( document.querySelectorAll( '[role="option"]' ) );
}

describe( 'ExcludedPosts', () => {
	it( 'searches the searchable post types by what is typed and adds the chosen post’s ID', async () => {
		const { onChange, search } = render( { ids: [ 13 ] } );
		const input = container.querySelector(
			'input[role="combobox"]'
		) as HTMLInputElement;
		expect( input ).not.toBeNull();

		type( input, 'ship' );
		await settle();

		expect( search ).toHaveBeenCalledWith( 'ship', [ 'post', 'page' ] );
		expect( options().map( ( o ) => o.textContent ) ).toEqual( [
			'Shipping',
			'Shipping costs',
		] );

		act( () => options()[ 1 ]?.click() );
		expect( onChange ).toHaveBeenCalledWith( [ 13, 12 ] );
	} );

	it( 'does not offer posts that are already excluded', async () => {
		render( { ids: [ 11 ] } );
		const input = container.querySelector(
			'input[role="combobox"]'
		) as HTMLInputElement;
		type( input, 'ship' );
		await settle();
		expect( options().map( ( o ) => o.textContent ) ).toEqual( [
			'Shipping costs',
		] );
	} );

	it( 'lists saved excluded posts by title and type, and removes one', async () => {
		const { onChange, lookup } = render( { ids: [ 11, 999 ] } );
		await settle();

		expect( lookup ).toHaveBeenCalledWith(
			[ 11, 999 ],
			[ 'post', 'page' ]
		);
		const items = Array.from(
			container.querySelectorAll( 'ul[aria-label="Excluded posts"] li' )
		);
		expect( items.map( ( li ) => li.textContent ) ).toEqual( [
			'ShippingPageRemove',
			'Post #999 (not published, or deleted)Remove',
		] );

		const remove = container.querySelector(
			'button[aria-label="Remove “Shipping” from the excluded posts"]'
		) as HTMLButtonElement;
		act( () => remove.click() );
		expect( onChange ).toHaveBeenCalledWith( [ 999 ] );
	} );

	it( 'says when nothing is excluded, and shows the server’s error', () => {
		render( { error: 'Excluded posts must contain at most 1,000 items.' } );
		expect( container.textContent ).toContain( 'No post is excluded.' );
		expect(
			container.querySelector( '#handoff-bot-excluded-posts__error' )
				?.textContent
		).toBe( 'Excluded posts must contain at most 1,000 items.' );
	} );

	it( 'offers nothing more once the most posts are excluded', async () => {
		const { search } = render( { ids: [ 13 ], max: 1 } );
		const input = container.querySelector(
			'input[role="combobox"]'
		) as HTMLInputElement;
		type( input, 'ship' );
		await settle();
		expect( search ).toHaveBeenCalled();
		expect( options() ).toEqual( [] );
		expect( container.textContent ).toContain(
			'At most 1 posts can be excluded.'
		);
	} );
} );
