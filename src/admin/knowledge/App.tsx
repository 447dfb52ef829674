/**
 * Knowledge and answers: the index's state with a rebuild and its progress, and the settings
 * that shape answers and limits, in cards as core's settings screens are. A refused save shows
 * each refused field's error under the field.
 */
import {
	Button,
	Card,
	CardBody,
	CardHeader,
	Flex,
	Notice,
	RangeControl,
	Spinner,
	ToggleControl,
} from '@wordpress/components';
import { useEffect, useRef, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import {
	errorMessage,
	fieldErrors,
	getIndexState,
	getSettings,
	getSettingsSchema,
	rebuildAll,
	saveSettings,
} from '../../shared/api';
import type {
	FieldErrors,
	IndexState,
	RebuildStep,
	Settings,
	SettingsSchema,
} from '../../shared/types';
import { labelledMessage } from '../../shared/utils';
import ExcludedPosts from './components/ExcludedPosts';
import FieldError from './components/FieldError';
import IndexCard from './components/IndexCard';
import NumberField from './components/NumberField';
import PostTypesField from './components/PostTypesField';
import PrivacyCard, { PRIVACY_LABELS } from './components/PrivacyCard';

type Message = { status: 'success' | 'error'; text: string } | null;

type NumberName =
	| 'retention_days'
	| 'max_message_length'
	| 'rate_limit_ip_per_minute'
	| 'rate_limit_token_per_minute'
	| 'rate_limit_new_conversations_per_hour';

type Drafts = Record< NumberName, string >;

const LABELS: Record< keyof Settings, string > = {
	answer_threshold: __( 'Answer confidence threshold', 'handoff-bot' ),
	max_message_length: __( 'Longest message (characters)', 'handoff-bot' ),
	post_types: __( 'Post types', 'handoff-bot' ),
	excluded_posts: __( 'Excluded posts', 'handoff-bot' ),
	rate_limit_ip_per_minute: __(
		'Requests per minute from one address',
		'handoff-bot'
	),
	rate_limit_token_per_minute: __(
		'Messages per minute in one conversation',
		'handoff-bot'
	),
	rate_limit_new_conversations_per_hour: __(
		'New conversations per hour from one address',
		'handoff-bot'
	),
	delete_data_on_uninstall: __(
		'Delete all Handoff Bot data when the plugin is deleted',
		'handoff-bot'
	),
	...PRIVACY_LABELS,
};

const LIMITS: NumberName[] = [
	'rate_limit_ip_per_minute',
	'rate_limit_token_per_minute',
	'rate_limit_new_conversations_per_hour',
];

function draftsOf( settings: Settings ): Drafts {
	return {
		retention_days: String( settings.retention_days ),
		max_message_length: String( settings.max_message_length ),
		rate_limit_ip_per_minute: String( settings.rate_limit_ip_per_minute ),
		rate_limit_token_per_minute: String(
			settings.rate_limit_token_per_minute
		),
		rate_limit_new_conversations_per_hour: String(
			settings.rate_limit_new_conversations_per_hour
		),
	};
}

export default function App() {
	const [ settings, setSettings ] = useState< Settings | null >( null );
	const [ schema, setSchema ] = useState< SettingsSchema | null >( null );
	const [ drafts, setDrafts ] = useState< Drafts | null >( null );
	const [ index, setIndex ] = useState< IndexState | null >( null );
	const [ progress, setProgress ] = useState< RebuildStep | null >( null );
	const [ rebuilding, setRebuilding ] = useState( false );
	const [ saving, setSaving ] = useState( false );
	const [ notice, setNotice ] = useState< Message >( null );
	const [ errors, setErrors ] = useState< FieldErrors >( {} );
	const form = useRef< HTMLFormElement >( null );

	useEffect( () => {
		Promise.all( [ getSettings(), getIndexState(), getSettingsSchema() ] )
			.then( ( [ s, i, sc ] ) => {
				setSettings( s );
				setDrafts( draftsOf( s ) );
				setIndex( i );
				setSchema( sc );
			} )
			.catch( ( e ) =>
				setNotice( { status: 'error', text: errorMessage( e ) } )
			);
	}, [] );

	// After a refused save, the first field in error takes the focus.
	useEffect( () => {
		if ( Object.keys( errors ).length && form.current ) {
			form.current
				.querySelector< HTMLElement >(
					'[aria-invalid="true"], .handoff-bot-knowledge__field-error'
				)
				?.focus();
		}
	}, [ errors ] );

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

	if ( ! settings || ! index || ! schema || ! drafts ) {
		return notice ? (
			<Notice status={ notice.status } isDismissible={ false }>
				{ notice.text }
			</Notice>
		) : (
			<Spinner />
		);
	}

	const refuse = ( found: FieldErrors ) => {
		setErrors( found );
		setNotice( {
			status: 'error',
			text: __(
				'The settings were not saved. Correct the fields marked below and save again.',
				'handoff-bot'
			),
		} );
	};

	const save = async ( event?: { preventDefault: () => void } ) => {
		event?.preventDefault();
		const empty: FieldErrors = {};
		const numbers: Partial< Settings > = {};
		( Object.keys( drafts ) as NumberName[] ).forEach( ( name ) => {
			if ( drafts[ name ].trim() === '' ) {
				empty[ name ] = __( 'Enter a number.', 'handoff-bot' );
			} else {
				numbers[ name ] = Number( drafts[ name ] );
			}
		} );
		if ( Object.keys( empty ).length ) {
			refuse( empty );
			return;
		}
		setSaving( true );
		setNotice( null );
		setErrors( {} );
		try {
			const saved = await saveSettings( { ...settings, ...numbers } );
			setSettings( saved );
			setDrafts( draftsOf( saved ) );
			setIndex( await getIndexState() );
			setNotice( {
				status: 'success',
				text: __( 'Settings saved.', 'handoff-bot' ),
			} );
		} catch ( e ) {
			const found = fieldErrors( e );
			if ( Object.keys( found ).length ) {
				const labelled: FieldErrors = {};
				( Object.keys( found ) as Array< keyof Settings > ).forEach(
					( name ) => {
						labelled[ name ] = labelledMessage(
							found[ name ] ?? '',
							name,
							LABELS[ name ] ?? name
						);
					}
				);
				refuse( labelled );
			} else {
				setNotice( { status: 'error', text: errorMessage( e ) } );
			}
		} finally {
			setSaving( false );
		}
	};

	const update = ( values: Partial< Settings > ) =>
		setSettings( { ...settings, ...values } );
	const number = ( name: NumberName ) => (
		<NumberField
			key={ name }
			name={ name }
			label={ LABELS[ name ] }
			value={ drafts[ name ] }
			min={ schema[ name ]?.minimum ?? 0 }
			max={ schema[ name ]?.maximum ?? Number.MAX_SAFE_INTEGER }
			error={ errors[ name ] }
			onChange={ ( value ) =>
				setDrafts( { ...drafts, [ name ]: value } )
			}
		/>
	);

	return (
		<Flex
			className="handoff-bot-knowledge"
			direction="column"
			gap={ 6 }
			align="stretch"
		>
			{ notice && (
				<Notice
					status={ notice.status }
					onRemove={ () => setNotice( null ) }
				>
					{ notice.text }
				</Notice>
			) }
			<IndexCard
				index={ index }
				rebuilding={ rebuilding }
				progress={ progress }
				onRebuild={ rebuild }
			/>
			<form ref={ form } noValidate onSubmit={ save }>
				<Flex direction="column" gap={ 6 } align="stretch">
					<Card>
						<CardHeader>
							<h2>
								{ __(
									'Content the bot answers from',
									'handoff-bot'
								) }
							</h2>
						</CardHeader>
						<CardBody>
							<Flex direction="column" gap={ 6 } align="stretch">
								<PostTypesField
									available={ index.available }
									value={ settings.post_types }
									error={ errors.post_types }
									onChange={ ( types ) =>
										update( { post_types: types } )
									}
								/>
								<ExcludedPosts
									ids={ settings.excluded_posts }
									types={ index.available }
									max={
										schema.excluded_posts?.maxItems ?? 1000
									}
									error={ errors.excluded_posts }
									onChange={ ( ids ) =>
										update( { excluded_posts: ids } )
									}
								/>
							</Flex>
						</CardBody>
					</Card>

					<Card>
						<CardHeader>
							<h2>{ __( 'Answers', 'handoff-bot' ) }</h2>
						</CardHeader>
						<CardBody>
							<Flex direction="column" gap={ 6 } align="stretch">
								<div className="handoff-bot-knowledge__range">
									<RangeControl
										__next40pxDefaultSize
										__nextHasNoMarginBottom
										label={ LABELS.answer_threshold }
										help={ __(
											'Below this confidence the bot says it does not know instead of answering.',
											'handoff-bot'
										) }
										value={ settings.answer_threshold }
										min={ 0 }
										max={ 1 }
										step={ 0.05 }
										onChange={ ( value ) =>
											update( {
												answer_threshold:
													value ??
													settings.answer_threshold,
											} )
										}
									/>
									<FieldError
										id="handoff-bot-answer_threshold__error"
										message={ errors.answer_threshold }
									/>
								</div>
								{ number( 'max_message_length' ) }
							</Flex>
						</CardBody>
					</Card>

					<Card>
						<CardHeader>
							<h2>{ __( 'Limits', 'handoff-bot' ) }</h2>
						</CardHeader>
						<CardBody>
							<Flex direction="column" gap={ 4 } align="stretch">
								<p className="handoff-bot-knowledge__intro">
									{ __(
										'Requests over a limit are refused, so that one visitor or script cannot flood the chat.',
										'handoff-bot'
									) }
								</p>
								<div className="handoff-bot-knowledge__grid">
									{ LIMITS.map( number ) }
								</div>
							</Flex>
						</CardBody>
					</Card>

					<PrivacyCard
						retention={ number( 'retention_days' ) }
						values={ settings }
						errors={ errors }
						onChange={ update }
					/>

					<Card>
						<CardHeader>
							<h2>{ __( 'Data', 'handoff-bot' ) }</h2>
						</CardHeader>
						<CardBody>
							<ToggleControl
								__nextHasNoMarginBottom
								label={ LABELS.delete_data_on_uninstall }
								help={ __(
									'Conversations, the index, settings and the Support agent role are removed with the plugin. Posts and users stay.',
									'handoff-bot'
								) }
								checked={ settings.delete_data_on_uninstall }
								onChange={ ( value ) =>
									update( {
										delete_data_on_uninstall: value,
									} )
								}
							/>
							<FieldError
								id="handoff-bot-delete_data_on_uninstall__error"
								message={ errors.delete_data_on_uninstall }
							/>
						</CardBody>
					</Card>

					<Flex justify="flex-start">
						<Button
							__next40pxDefaultSize
							type="submit"
							variant="primary"
							isBusy={ saving }
							disabled={ saving }
						>
							{ __( 'Save settings', 'handoff-bot' ) }
						</Button>
					</Flex>
				</Flex>
			</form>
		</Flex>
	);
}
