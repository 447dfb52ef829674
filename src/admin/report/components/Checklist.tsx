/**
 * A monthly or quarterly review's checklist: each item a checkbox with an optional note (saved
 * when the field is left), a link to the part of the report it needs, and who completed it when;
 * then the changes documented since the period began.
 */
import {
	Button,
	CheckboxControl,
	Notice,
	Spinner,
	TextControl,
} from '@wordpress/components';
import { useEffect, useRef, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { errorMessage } from '../../../shared/api';
import { getReview, saveReviewItem } from '../../../shared/api/reports';
import type { Review, ReviewItem } from '../../../shared/types/reports';
import { areaLabel } from '../labels';
import { doneBy } from '../review';

type Props = {
	review: string;
	title: string;
	/** Opens an item's target for the review's period. */
	onTarget: ( target: string, review: string ) => void;
};

export default function Checklist( { review, title, onTarget }: Props ) {
	const [ found, setFound ] = useState< Review | null >( null );
	const [ notes, setNotes ] = useState< Record< string, string > >( {} );
	const [ error, setError ] = useState( '' );
	// Each item's saves go one after another; only the newest one's answer is shown.
	const queues = useRef< Record< string, Promise< void > > >( {} );
	const newest = useRef< Record< string, number > >( {} );

	useEffect( () => {
		let live = true;
		setFound( null );
		setError( '' );
		getReview( review ).then(
			( answer ) => {
				if ( live ) {
					setFound( answer );
					setNotes(
						Object.fromEntries(
							answer.items.map( ( item ) => [
								item.id,
								item.note,
							] )
						)
					);
				}
			},
			( caught ) => live && setError( errorMessage( caught ) )
		);
		return () => {
			live = false;
		};
	}, [ review ] );

	const save = ( item: ReviewItem, done: boolean ) => {
		const note = notes[ item.id ] ?? '';
		if ( done === item.done && note === item.note ) {
			return;
		}
		const put = ( next: ReviewItem ) =>
			setFound( ( current ) => {
				if ( ! current ) {
					return current;
				}
				const items = current.items.map( ( i ) =>
					i.id === next.id ? next : i
				);
				return {
					...current,
					items,
					done: items.filter( ( i ) => i.done ).length,
				};
			} );
		// The box shows the new state at once; a refusal puts the stored one back. The box stays
		// usable while saving: a tick right after a note is saved after it.
		put( { ...item, done, note } );
		const turn = ( newest.current[ item.id ] ?? 0 ) + 1;
		newest.current[ item.id ] = turn;
		const latest = () => newest.current[ item.id ] === turn;
		const before = queues.current[ item.id ] ?? Promise.resolve();
		queues.current[ item.id ] = before
			.then( () => saveReviewItem( review, item.id, done, note ) )
			.then(
				( stored ) => {
					if ( latest() ) {
						put( stored );
						setError( '' );
					}
				},
				( caught ) => {
					if ( latest() ) {
						put( item );
					}
					setError( errorMessage( caught ) );
				}
			);
	};

	const headingId = `handoff-bot-report-review-${ review }`;
	return (
		<section
			className="handoff-bot-report__checklist"
			aria-labelledby={ headingId }
		>
			<h3 id={ headingId }>{ title }</h3>
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			{ ! found && ! error && <Spinner /> }
			{ found && (
				<>
					<p aria-live="polite">
						{ sprintf(
							/* translators: 1: items done, 2: all items, 3: first day, 4: last day. */
							__(
								'%1$d of %2$d done (%3$s to %4$s).',
								'handoff-bot'
							),
							found.done,
							found.total,
							found.period.from,
							found.period.to
						) }
					</p>
					<ul className="handoff-bot-report__items">
						{ found.items.map( ( item ) => (
							<li key={ item.id } data-item={ item.id }>
								<CheckboxControl
									__nextHasNoMarginBottom
									label={ item.label }
									checked={ item.done }
									onChange={ ( done ) => save( item, done ) }
								/>
								<div className="handoff-bot-report__item-more">
									<Button
										aria-label={ sprintf(
											/* translators: %s: the checklist item. */
											__(
												'Open in the report: %s',
												'handoff-bot'
											),
											item.label
										) }
										variant="link"
										onClick={ () =>
											onTarget( item.target, review )
										}
									>
										{ __(
											'Open in the report',
											'handoff-bot'
										) }
									</Button>
									<TextControl
										__next40pxDefaultSize
										__nextHasNoMarginBottom
										label={ sprintf(
											/* translators: %s: the checklist item. */
											__( 'Note: %s', 'handoff-bot' ),
											item.label
										) }
										hideLabelFromVision
										placeholder={ __(
											'Note (optional)',
											'handoff-bot'
										) }
										value={ notes[ item.id ] ?? '' }
										onChange={ ( value ) =>
											setNotes( {
												...notes,
												[ item.id ]: value,
											} )
										}
										onBlur={ () => save( item, item.done ) }
									/>
									{ item.done && (
										<span className="description">
											{ doneBy(
												item.completed_by,
												item.updated_at
											) }
										</span>
									) }
								</div>
							</li>
						) ) }
					</ul>
					{ found.changes.length > 0 && (
						<>
							<h4>
								{ __( 'Changes documented', 'handoff-bot' ) }
							</h4>
							<ul>
								{ found.changes.map( ( change ) => (
									<li key={ change.checkpoint_id }>
										<strong>
											{ `${ areaLabel( change.area ) } (v${ change.config_version }): ` }
										</strong>
										{ change.tuned }{ ' ' }
										<span className="description">
											{ doneBy(
												change.tuned_by,
												change.tuned_at
											) }
										</span>
									</li>
								) ) }
							</ul>
						</>
					) }
				</>
			) }
		</section>
	);
}
