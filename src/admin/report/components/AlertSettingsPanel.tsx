/**
 * The alert settings: the window, thresholds, minimum volumes and the email digest, saved through
 * /settings; a value the server refuses is shown under its field, in the field's words.
 */
import {
	Button,
	Notice,
	Spinner,
	TextControl,
	ToggleControl,
} from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { errorMessage, fieldErrors } from '../../../shared/api';
import {
	getAlertSettings,
	saveAlertSettings,
} from '../../../shared/api/reports';
import type { AlertSettings } from '../../../shared/types/reports';

type NumberKey = Exclude<
	keyof AlertSettings,
	'alerts_digest' | 'alerts_digest_recipients'
>;

/** Each number: its key, label, help, and the least and most the server takes. */
const NUMBERS = (): Array< [ NumberKey, string, string, number, number ] > => [
	[
		'alerts_window_days',
		__( 'Window (days)', 'handoff-bot' ),
		__(
			'The last this many whole days, compared with as many before (7–90).',
			'handoff-bot'
		),
		7,
		90,
	],
	[
		'alerts_min_conversations',
		__( 'Minimum conversations per intent', 'handoff-bot' ),
		__(
			'Escalation-rate alerts need this many in both windows.',
			'handoff-bot'
		),
		1,
		1000000,
	],
	[
		'alerts_min_handoffs',
		__( 'Minimum handoffs', 'handoff-bot' ),
		__( 'The other alerts need this many in both windows.', 'handoff-bot' ),
		1,
		1000000,
	],
	[
		'alerts_intent_rate_change',
		__( 'Escalation rate change', 'handoff-bot' ),
		__( '0.1 = 10 points, up or down.', 'handoff-bot' ),
		0.01,
		1,
	],
	[
		'alerts_turn_drop',
		__( 'Earlier requests: median turn drop', 'handoff-bot' ),
		__( 'In turns.', 'handoff-bot' ),
		0.5,
		50,
	],
	[
		'alerts_topic_share',
		__( 'One topic’s share of handoffs', 'handoff-bot' ),
		__( '0.4 = 40 %.', 'handoff-bot' ),
		0.05,
		1,
	],
	[
		'alerts_queue_delay_rise',
		__( 'Queue delay rise', 'handoff-bot' ),
		__( '0.5 = the median wait rose by half.', 'handoff-bot' ),
		0.05,
		10,
	],
	[
		'alerts_abandonment_rise',
		__( 'Abandonment rise', 'handoff-bot' ),
		__( '0.1 = 10 points.', 'handoff-bot' ),
		0.01,
		1,
	],
	[
		'alerts_completeness_drop',
		__( 'Context completeness drop', 'handoff-bot' ),
		__( '0.1 = 10 points.', 'handoff-bot' ),
		0.01,
		1,
	],
];

/** The numbers that take whole numbers only. */
const WHOLE: NumberKey[] = [
	'alerts_window_days',
	'alerts_min_conversations',
	'alerts_min_handoffs',
];

/**
 * What a refused number needs, in the field's words.
 * @param key   The setting.
 * @param label The field's label.
 * @param min   The least the server takes.
 * @param max   The most.
 */
function rangeError(
	key: NumberKey,
	label: string,
	min: number,
	max: number
): string {
	return WHOLE.includes( key )
		? sprintf(
				/* translators: 1: a setting's name, 2: the least, 3: the most. */
				__(
					'%1$s: enter a whole number from %2$s to %3$s.',
					'handoff-bot'
				),
				label,
				String( min ),
				String( max )
			)
		: sprintf(
				/* translators: 1: a setting's name, 2: the least, 3: the most. */
				__( '%1$s: enter a number from %2$s to %3$s.', 'handoff-bot' ),
				label,
				String( min ),
				String( max )
			);
}

type Draft = Record< NumberKey, string > & {
	alerts_digest: boolean;
	alerts_digest_recipients: string;
};

function toDraft( settings: AlertSettings ): Draft {
	const draft = { ...settings } as unknown as Record< string, unknown >;
	for ( const [ key ] of NUMBERS() ) {
		draft[ key ] = String( settings[ key ] );
	}
	return draft as Draft;
}

function fromDraft( draft: Draft ): AlertSettings {
	const out = { ...draft } as unknown as Record< string, unknown >;
	for ( const [ key ] of NUMBERS() ) {
		out[ key ] = draft[ key ].trim() === '' ? null : Number( draft[ key ] );
	}
	return out as AlertSettings;
}

export default function AlertSettingsPanel() {
	const [ draft, setDraft ] = useState< Draft | null >( null );
	const [ errors, setErrors ] = useState< Record< string, string > >( {} );
	const [ error, setError ] = useState( '' );
	const [ saved, setSaved ] = useState( '' );
	const [ saving, setSaving ] = useState( false );

	useEffect( () => {
		getAlertSettings().then(
			( found ) => setDraft( toDraft( found ) ),
			( caught ) => setError( errorMessage( caught ) )
		);
	}, [] );

	const save = ( event: { preventDefault: () => void } ) => {
		event.preventDefault();
		if ( ! draft ) {
			return;
		}
		setSaving( true );
		setSaved( '' );
		saveAlertSettings( fromDraft( draft ) ).then(
			( stored ) => {
				setDraft( toDraft( stored ) );
				setErrors( {} );
				setError( '' );
				setSaved( __( 'Alert settings saved.', 'handoff-bot' ) );
				setSaving( false );
			},
			( caught ) => {
				const refused = fieldErrors( caught );
				setErrors( refused );
				setError(
					Object.keys( refused ).length
						? __(
								'The alert settings were not saved: correct the fields marked below.',
								'handoff-bot'
							)
						: errorMessage( caught )
				);
				setSaving( false );
			}
		);
	};

	const help = ( key: string, text: string, message?: string ) =>
		errors[ key ] ? (
			<span className="handoff-bot-report__field-error">
				{ message ?? errors[ key ] }
			</span>
		) : (
			text
		);

	return (
		<section
			className="handoff-bot-report__alert-settings"
			aria-labelledby="handoff-bot-report-alert-settings"
		>
			<h2 id="handoff-bot-report-alert-settings">
				{ __( 'Alert settings', 'handoff-bot' ) }
			</h2>
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			<div aria-live="polite">{ saved && <p>{ saved }</p> }</div>
			{ ! draft && ! error && <Spinner /> }
			{ draft && (
				<form onSubmit={ save } noValidate>
					<div className="handoff-bot-report__settings-grid">
						{ NUMBERS().map( ( [ key, label, text, min, max ] ) => (
							<TextControl
								key={ key }
								__next40pxDefaultSize
								__nextHasNoMarginBottom
								type="number"
								label={ label }
								help={ help(
									key,
									text,
									rangeError( key, label, min, max )
								) }
								aria-invalid={ !! errors[ key ] }
								min={ min }
								max={ max }
								value={ draft[ key ] }
								onChange={ ( value ) =>
									setDraft( { ...draft, [ key ]: value } )
								}
							/>
						) ) }
					</div>
					<ToggleControl
						__nextHasNoMarginBottom
						label={ __(
							'Send an email digest of new alerts',
							'handoff-bot'
						) }
						help={ help( 'alerts_digest', '' ) }
						checked={ draft.alerts_digest }
						onChange={ ( value ) =>
							setDraft( { ...draft, alerts_digest: value } )
						}
					/>
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Digest recipients', 'handoff-bot' ) }
						help={ help(
							'alerts_digest_recipients',
							__(
								'Email addresses separated by commas; empty: the site’s admin email.',
								'handoff-bot'
							),
							__(
								'Digest recipients: enter email addresses separated by commas, or leave it empty for the site’s admin email.',
								'handoff-bot'
							)
						) }
						aria-invalid={ !! errors.alerts_digest_recipients }
						value={ draft.alerts_digest_recipients }
						onChange={ ( value ) =>
							setDraft( {
								...draft,
								alerts_digest_recipients: value,
							} )
						}
					/>
					<Button
						variant="primary"
						type="submit"
						isBusy={ saving }
						disabled={ saving }
						accessibleWhenDisabled
					>
						{ __( 'Save alert settings', 'handoff-bot' ) }
					</Button>
				</form>
			) }
		</section>
	);
}
