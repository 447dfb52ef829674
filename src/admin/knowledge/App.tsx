/**
 * Knowledge and answers: the index's state with a rebuild and its progress, and the settings
 * that shape answers and limits.
 */
import {
	Button,
	Card,
	CardBody,
	CardHeader,
	CheckboxControl,
	Notice,
	ProgressBar,
	RangeControl,
	Spinner,
	TextControl,
	ToggleControl,
} from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import {
	errorMessage,
	getIndexState,
	getSettings,
	rebuildAll,
	saveSettings,
} from '../../shared/api';
import type { IndexState, RebuildStep, Settings } from '../../shared/types';

type Notice = { status: 'success' | 'error'; text: string } | null;

type NumberField =
	| 'max_message_length'
	| 'rate_limit_ip_per_minute'
	| 'rate_limit_token_per_minute'
	| 'rate_limit_new_conversations_per_hour';

const NUMBER_FIELDS: Array< { key: NumberField; label: string } > = [
	{
		key: 'max_message_length',
		label: __( 'Longest message (characters)', 'handoff-bot' ),
	},
	{
		key: 'rate_limit_ip_per_minute',
		label: __( 'Requests per minute from one address', 'handoff-bot' ),
	},
	{
		key: 'rate_limit_token_per_minute',
		label: __( 'Messages per minute in one conversation', 'handoff-bot' ),
	},
	{
		key: 'rate_limit_new_conversations_per_hour',
		label: __(
			'New conversations per hour from one address',
			'handoff-bot'
		),
	},
];

export default function App() {
	const [ settings, setSettings ] = useState< Settings | null >( null );
	const [ index, setIndex ] = useState< IndexState | null >( null );
	const [ progress, setProgress ] = useState< RebuildStep | null >( null );
	const [ rebuilding, setRebuilding ] = useState( false );
	const [ saving, setSaving ] = useState( false );
	const [ notice, setNotice ] = useState< Notice >( null );

	useEffect( () => {
		Promise.all( [ getSettings(), getIndexState() ] )
			.then( ( [ s, i ] ) => {
				setSettings( s );
				setIndex( i );
			} )
			.catch( ( e ) =>
				setNotice( { status: 'error', text: errorMessage( e ) } )
			);
	}, [] );

	const rebuild = async () => {
		setRebuilding( true );
		setNotice( null );
		setProgress( null );
		try {
			const last = await rebuildAll( setProgress );
			setIndex( await getIndexState() );
			setNotice( {
				status: 'success',
				text: sprintf(
					/* translators: %d: number of posts. */
					__( 'The index was rebuilt from %d posts.', 'handoff-bot' ),
					last.done
				),
			} );
		} catch ( e ) {
			setNotice( { status: 'error', text: errorMessage( e ) } );
		} finally {
			setRebuilding( false );
		}
	};

	const save = async () => {
		if ( ! settings ) {
			return;
		}
		setSaving( true );
		setNotice( null );
		try {
			setSettings( await saveSettings( settings ) );
			setIndex( await getIndexState() );
			setNotice( {
				status: 'success',
				text: __( 'Settings saved.', 'handoff-bot' ),
			} );
		} catch ( e ) {
			setNotice( { status: 'error', text: errorMessage( e ) } );
		} finally {
			setSaving( false );
		}
	};

	if ( ! settings || ! index ) {
		return notice ? (
			<Notice status={ notice.status } isDismissible={ false }>
				{ notice.text }
			</Notice>
		) : (
			<Spinner />
		);
	}

	const update = ( values: Partial< Settings > ) =>
		setSettings( { ...settings, ...values } );
	const percent =
		progress && progress.total > 0
			? Math.round( ( progress.done / progress.total ) * 100 )
			: 0;

	return (
		<div className="handoff-bot-knowledge">
			{ notice && (
				<Notice
					status={ notice.status }
					onRemove={ () => setNotice( null ) }
				>
					{ notice.text }
				</Notice>
			) }
			<Card>
				<CardHeader>
					<h2>{ __( 'Knowledge index', 'handoff-bot' ) }</h2>
				</CardHeader>
				<CardBody>
					<p>
						{ sprintf(
							/* translators: 1: posts indexed, 2: posts that can be indexed, 3: passages. */
							__(
								'%1$d of %2$d posts indexed, in %3$d passages. Published changes are indexed as they are saved.',
								'handoff-bot'
							),
							index.posts,
							index.indexable,
							index.passages
						) }
					</p>
					{ index.last_error && ! rebuilding && (
						<Notice status="warning" isDismissible={ false }>
							{ __(
								'An update of the index failed, so some answers may use old content. Rebuild the index to bring it up to date.',
								'handoff-bot'
							) }
						</Notice>
					) }
					{ rebuilding && (
						<div
							className="handoff-bot-knowledge__progress"
							role="status"
						>
							<ProgressBar value={ percent } />
							<p>
								{ progress
									? sprintf(
											/* translators: 1: posts done, 2: total posts. */
											__(
												'Indexed %1$d of %2$d posts…',
												'handoff-bot'
											),
											progress.done,
											progress.total
										)
									: __( 'Starting…', 'handoff-bot' ) }
							</p>
						</div>
					) }
					<Button
						variant="secondary"
						onClick={ rebuild }
						isBusy={ rebuilding }
						disabled={ rebuilding }
					>
						{ __( 'Rebuild the index', 'handoff-bot' ) }
					</Button>
				</CardBody>
			</Card>

			<Card>
				<CardHeader>
					<h2>{ __( 'Answers and limits', 'handoff-bot' ) }</h2>
				</CardHeader>
				<CardBody>
					<RangeControl
						__next40pxDefaultSize
						label={ __(
							'Answer confidence threshold',
							'handoff-bot'
						) }
						help={ __(
							'Below this confidence the bot says it does not know instead of answering.',
							'handoff-bot'
						) }
						value={ settings.answer_threshold }
						min={ 0 }
						max={ 1 }
						step={ 0.05 }
						onChange={ ( value ) =>
							update( { answer_threshold: value ?? 0.35 } )
						}
					/>
					<fieldset>
						<legend>
							{ __(
								'Content the bot answers from',
								'handoff-bot'
							) }
						</legend>
						{ index.available.map( ( type ) => (
							<CheckboxControl
								key={ type.name }
								label={ type.label }
								checked={ settings.post_types.includes(
									type.name
								) }
								onChange={ ( checked ) =>
									update( {
										post_types: checked
											? [
													...settings.post_types,
													type.name,
												]
											: settings.post_types.filter(
													( t ) => t !== type.name
												),
									} )
								}
							/>
						) ) }
					</fieldset>
					<TextControl
						__next40pxDefaultSize
						label={ __(
							'Excluded posts (IDs, comma-separated)',
							'handoff-bot'
						) }
						value={ settings.excluded_posts.join( ', ' ) }
						onChange={ ( value ) =>
							update( {
								excluded_posts: value
									.split( /[\s,]+/ )
									.map( ( v ) => parseInt( v, 10 ) )
									.filter( ( v ) => v > 0 ),
							} )
						}
					/>
					{ NUMBER_FIELDS.map( ( field ) => (
						<TextControl
							key={ field.key }
							__next40pxDefaultSize
							type="number"
							label={ field.label }
							value={ String( settings[ field.key ] ) }
							onChange={ ( value ) =>
								update( { [ field.key ]: Number( value ) } )
							}
						/>
					) ) }
					<ToggleControl
						label={ __(
							'Delete all Handoff Bot data when the plugin is deleted',
							'handoff-bot'
						) }
						checked={ settings.delete_data_on_uninstall }
						onChange={ ( value ) =>
							update( { delete_data_on_uninstall: value } )
						}
					/>
					<Button
						variant="primary"
						onClick={ save }
						isBusy={ saving }
						disabled={ saving }
					>
						{ __( 'Save settings', 'handoff-bot' ) }
					</Button>
				</CardBody>
			</Card>
		</div>
	);
}
