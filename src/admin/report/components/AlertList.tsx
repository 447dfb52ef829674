/**
 * The open alerts, above the headline figures: each with its title, why it was raised and when,
 * a button opening its investigation and one dismissing it; "Check now" runs the daily check.
 */
import { Button, Notice, Spinner } from '@wordpress/components';
import { useCallback, useEffect, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

import { errorMessage } from '../../../shared/api';
import {
	checkAlerts,
	dismissAlert,
	getOpenAlerts,
} from '../../../shared/api/reports';
import type { ReportAlert } from '../../../shared/types/reports';
import { alertWhy } from '../alerts';

type Props = { onInvestigate: ( id: number ) => void };

export default function AlertList( { onInvestigate }: Props ) {
	const [ alerts, setAlerts ] = useState< ReportAlert[] | null >( null );
	const [ error, setError ] = useState( '' );
	const [ status, setStatus ] = useState( '' );
	const [ busy, setBusy ] = useState( false );

	const load = useCallback(
		() =>
			getOpenAlerts().then(
				( found ) => {
					setAlerts( found );
					setError( '' );
				},
				( caught ) => setError( errorMessage( caught ) )
			),
		[]
	);
	useEffect( () => {
		load();
	}, [ load ] );

	const dismiss = ( alert: ReportAlert ) => {
		setBusy( true );
		dismissAlert( alert.id ).then(
			() => {
				setAlerts(
					( current ) =>
						current?.filter( ( a ) => a.id !== alert.id ) ?? null
				);
				setStatus(
					sprintf(
						/* translators: %s: the alert's title. */
						__( 'Dismissed: %s', 'handoff-bot' ),
						alert.title
					)
				);
				setBusy( false );
			},
			( caught ) => {
				setError( errorMessage( caught ) );
				setBusy( false );
			}
		);
	};

	const check = () => {
		setBusy( true );
		checkAlerts()
			.then( ( result ) => {
				setStatus(
					sprintf(
						/* translators: %d: how many alerts the check raised. */
						_n(
							'The check raised %d new alert.',
							'The check raised %d new alerts.',
							result.raised.length,
							'handoff-bot'
						),
						result.raised.length
					)
				);
				return load();
			} )
			.catch( ( caught ) => setError( errorMessage( caught ) ) )
			.finally( () => setBusy( false ) );
	};

	return (
		<section
			className="handoff-bot-report__alerts"
			aria-labelledby="handoff-bot-report-alerts"
		>
			<div className="handoff-bot-report__block-head">
				<h2 id="handoff-bot-report-alerts">
					{ __( 'Alerts', 'handoff-bot' ) }
				</h2>
				<Button
					variant="secondary"
					size="compact"
					onClick={ check }
					disabled={ busy }
					accessibleWhenDisabled
				>
					{ __( 'Check now', 'handoff-bot' ) }
				</Button>
			</div>
			<div aria-live="polite">{ status && <p>{ status }</p> }</div>
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			{ ! alerts && ! error && <Spinner /> }
			{ alerts && ! alerts.length && (
				<p>{ __( 'No open alerts.', 'handoff-bot' ) }</p>
			) }
			{ alerts && alerts.length > 0 && (
				<ul className="handoff-bot-report__alert-list">
					{ alerts.map( ( alert ) => (
						<li key={ alert.id } data-alert={ alert.id }>
							<h3>{ alert.title }</h3>
							<p>{ alertWhy( alert ) }</p>
							<p className="description">
								{ sprintf(
									/* translators: %s: date and time (UTC). */
									__( 'Raised %s UTC', 'handoff-bot' ),
									alert.created_at
								) }
							</p>
							<Button
								aria-label={ sprintf(
									/* translators: %s: the alert's title. */
									__( 'Investigate: %s', 'handoff-bot' ),
									alert.title
								) }
								variant="primary"
								size="compact"
								onClick={ () => onInvestigate( alert.id ) }
							>
								{ __( 'Investigate', 'handoff-bot' ) }
							</Button>{ ' ' }
							<Button
								aria-label={ sprintf(
									/* translators: %s: the alert's title. */
									__( 'Dismiss: %s', 'handoff-bot' ),
									alert.title
								) }
								variant="tertiary"
								size="compact"
								disabled={ busy }
								accessibleWhenDisabled
								onClick={ () => dismiss( alert ) }
							>
								{ __( 'Dismiss', 'handoff-bot' ) }
							</Button>
						</li>
					) ) }
				</ul>
			) }
		</section>
	);
}
