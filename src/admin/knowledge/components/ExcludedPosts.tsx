/**
 * Excluded posts, chosen by title: a search box whose suggestions come from WordPress's search
 * route, and the list of excluded posts by title, each with a Remove button. The setting stores
 * their IDs.
 */
import { Button, ComboboxControl } from '@wordpress/components';
import { useEffect, useMemo, useRef, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { getPosts, searchPosts } from '../../../shared/api';
import type { PostChoice, PostType } from '../../../shared/types';
import FieldError from './FieldError';

type Props = {
	ids: number[];
	types: PostType[];
	max: number;
	error?: string | undefined;
	onChange: ( ids: number[] ) => void;
	/** Finds posts by words (injectable for tests). */
	search?: typeof searchPosts;
	/** Finds posts by ID (injectable for tests). */
	lookup?: typeof getPosts;
	/** Milliseconds of quiet typing before a search. */
	delay?: number;
};

const ID = 'handoff-bot-excluded-posts';

export default function ExcludedPosts( {
	ids,
	types,
	max,
	error,
	onChange,
	search = searchPosts,
	lookup = getPosts,
	delay = 250,
}: Props ) {
	const subtypes = useMemo(
		() => types.filter( ( t ) => t.searchable ).map( ( t ) => t.name ),
		[ types ]
	);
	const typeLabels = useMemo(
		() => new Map( types.map( ( t ) => [ t.name, t.singular_label ] ) ),
		[ types ]
	);
	const [ known, setKnown ] = useState< Map< number, PostChoice > >(
		() => new Map()
	);
	const looked = useRef< Set< number > >( new Set() );
	const [ query, setQuery ] = useState( '' );
	const [ found, setFound ] = useState< PostChoice[] >( [] );
	const [ searching, setSearching ] = useState( false );

	const remember = ( posts: PostChoice[] ) =>
		setKnown( ( previous ) => {
			const next = new Map( previous );
			posts.forEach( ( post ) => next.set( post.id, post ) );
			return next;
		} );

	// Titles of excluded posts not seen yet (on load: every saved one).
	useEffect( () => {
		const missing = ids.filter( ( id ) => ! looked.current.has( id ) );
		if ( ! missing.length ) {
			return;
		}
		missing.forEach( ( id ) => looked.current.add( id ) );
		lookup( missing, subtypes )
			.then( remember )
			.catch( () => undefined );
	}, [ ids, subtypes, lookup ] );

	// Suggestions for what is typed, once typing pauses.
	useEffect( () => {
		if ( ! query.trim() ) {
			setFound( [] );
			setSearching( false );
			return;
		}
		let current = true;
		setSearching( true );
		const timer = setTimeout( () => {
			search( query, subtypes )
				.then( ( posts ) => {
					if ( current ) {
						remember( posts );
						setFound( posts );
					}
				} )
				.catch( () => current && setFound( [] ) )
				.finally( () => current && setSearching( false ) );
		}, delay );
		return () => {
			current = false;
			clearTimeout( timer );
		};
	}, [ query, subtypes, search, delay ] );

	const options = found
		.filter( ( post ) => ! ids.includes( post.id ) )
		.map( ( post, _index, all ) => ( {
			value: String( post.id ),
			// Two posts may share a title: the ID tells them apart.
			label: all.some(
				( other ) => other.id !== post.id && other.title === post.title
			)
				? `${ post.title } (#${ post.id })`
				: post.title ||
					sprintf(
						/* translators: %d: post ID. */
						__( '(no title) #%d', 'handoff-bot' ),
						post.id
					),
		} ) );

	const full = ids.length >= max;

	return (
		<div className="handoff-bot-knowledge__excluded">
			<ComboboxControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Exclude a post', 'handoff-bot' ) }
				help={
					full
						? sprintf(
								/* translators: %d: the most posts that can be excluded. */
								__(
									'At most %d posts can be excluded. Remove one to exclude another.',
									'handoff-bot'
								),
								max
							)
						: __(
								'Type a few words of its title. The bot never answers from excluded posts.',
								'handoff-bot'
							)
				}
				value={ null }
				options={ full ? [] : options }
				isLoading={ searching }
				onFilterValueChange={ setQuery }
				onChange={ ( value ) => {
					const id = Number( value );
					if ( id > 0 && ! ids.includes( id ) && ! full ) {
						onChange( [ ...ids, id ] );
					}
				} }
			/>
			{ ids.length > 0 ? (
				<ul
					className="handoff-bot-knowledge__excluded-list"
					aria-label={ __( 'Excluded posts', 'handoff-bot' ) }
				>
					{ ids.map( ( id ) => {
						const post = known.get( id );
						const title = post
							? post.title ||
								sprintf(
									/* translators: %d: post ID. */
									__( '(no title) #%d', 'handoff-bot' ),
									id
								)
							: sprintf(
									/* translators: %d: post ID. */
									__(
										'Post #%d (not published, or deleted)',
										'handoff-bot'
									),
									id
								);
						return (
							<li key={ id }>
								<span className="handoff-bot-knowledge__excluded-title">
									{ title }
								</span>
								{ post && (
									<span className="handoff-bot-knowledge__excluded-type">
										{ typeLabels.get( post.subtype ) ??
											post.subtype }
									</span>
								) }
								<Button
									variant="tertiary"
									size="compact"
									isDestructive
									label={ sprintf(
										/* translators: %s: post title. */
										__(
											'Remove “%s” from the excluded posts',
											'handoff-bot'
										),
										title
									) }
									showTooltip={ false }
									onClick={ () =>
										onChange(
											ids.filter(
												( other ) => other !== id
											)
										)
									}
								>
									{ __( 'Remove', 'handoff-bot' ) }
								</Button>
							</li>
						);
					} ) }
				</ul>
			) : (
				<p className="handoff-bot-knowledge__excluded-empty">
					{ __( 'No post is excluded.', 'handoff-bot' ) }
				</p>
			) }
			<FieldError id={ `${ ID }__error` } message={ error } />
		</div>
	);
}
