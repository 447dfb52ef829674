/**
 * The handoff report's routes: every metric of a period (with the previous one to compare), the
 * handoffs behind a figure, one page at a time; the alerts with their investigations and their
 * settings; the review samples, checklists and release checkpoints.
 */
import apiFetch from '@wordpress/api-fetch';

import type {
	AlertSettings,
	Checkpoint,
	DrillFilter,
	ReportAlert,
	ReportAlertDetail,
	ReportConversation,
	ReportQuery,
	ReportSummary,
	Review,
	ReviewItem,
	ReviewMark,
	Samples,
} from '../types/reports';
import { getPage } from './paged';

const REPORTS = '/handoff-bot/v1/reports';

/**
 * The query string of a period (and config version).
 * @param query The period.
 */
export function periodParams( query: ReportQuery ): URLSearchParams {
	const params = new URLSearchParams( { period: query.period } );
	if ( query.from ) {
		params.set( 'from', query.from );
	}
	if ( query.to ) {
		params.set( 'to', query.to );
	}
	if ( query.config_version ) {
		params.set( 'config_version', String( query.config_version ) );
	}
	return params;
}

/**
 * Every metric of the period, compared with the previous period of the same length.
 * @param query The period.
 */
export function getReportSummary(
	query: ReportQuery
): Promise< ReportSummary > {
	const params = periodParams( query );
	params.set( 'compare', '1' );
	return apiFetch< ReportSummary >( {
		path: `${ REPORTS }/summary?${ params.toString() }`,
	} );
}

/**
 * One page of the handoffs behind a figure, newest request first, and how many there are.
 * @param query   The period.
 * @param filter  The figure's filter.
 * @param page    Page, from 1.
 * @param perPage Rows per page (at most 100).
 */
export async function getReportConversations(
	query: ReportQuery,
	filter: DrillFilter,
	page: number,
	perPage: number
): Promise< { rows: ReportConversation[]; total: number } > {
	const params = periodParams( query );
	for ( const [ name, value ] of Object.entries( filter ) ) {
		if ( value !== undefined ) {
			params.set( name, value );
		}
	}
	params.set( 'page', String( page ) );
	params.set( 'per_page', String( perPage ) );
	const { items, total } = await getPage< ReportConversation >(
		`${ REPORTS }/conversations?${ params.toString() }`
	);
	return { rows: items, total };
}

/** The open alerts of the last 30 days, newest first. */
export async function getOpenAlerts(): Promise< ReportAlert[] > {
	const { items } = await getPage< ReportAlert >(
		`${ REPORTS }/alerts?status=open&days=30&per_page=50`
	);
	return items;
}

/**
 * An alert with its investigation.
 * @param id The alert.
 */
export function getAlert( id: number ): Promise< ReportAlertDetail > {
	return apiFetch< ReportAlertDetail >( {
		path: `${ REPORTS }/alerts/${ id }`,
	} );
}

/**
 * Dismisses an alert.
 * @param id The alert.
 */
export function dismissAlert( id: number ): Promise< ReportAlert > {
	return apiFetch< ReportAlert >( {
		path: `${ REPORTS }/alerts/${ id }/dismiss`,
		method: 'POST',
	} );
}

/** Runs the daily alert check now; answers the alerts it raised. */
export function checkAlerts(): Promise< { raised: ReportAlert[] } > {
	return apiFetch< { raised: ReportAlert[] } >( {
		path: `${ REPORTS }/alerts/check`,
		method: 'POST',
	} );
}

export const ALERT_SETTING_KEYS: Array< keyof AlertSettings > = [
	'alerts_window_days',
	'alerts_min_conversations',
	'alerts_min_handoffs',
	'alerts_intent_rate_change',
	'alerts_turn_drop',
	'alerts_topic_share',
	'alerts_queue_delay_rise',
	'alerts_abandonment_rise',
	'alerts_completeness_drop',
	'alerts_digest',
	'alerts_digest_recipients',
];

function pickAlertSettings( all: Record< string, unknown > ): AlertSettings {
	const out: Record< string, unknown > = {};
	for ( const key of ALERT_SETTING_KEYS ) {
		out[ key ] = all[ key ];
	}
	return out as AlertSettings;
}

/** The alert settings (of GET /settings). */
export async function getAlertSettings(): Promise< AlertSettings > {
	return pickAlertSettings(
		await apiFetch< Record< string, unknown > >( {
			path: '/handoff-bot/v1/settings',
		} )
	);
}

/**
 * Saves the alert settings; a refused value throws `400 rest_invalid_param` naming it.
 * @param values The settings.
 */
export async function saveAlertSettings(
	values: AlertSettings
): Promise< AlertSettings > {
	return pickAlertSettings(
		await apiFetch< Record< string, unknown > >( {
			path: '/handoff-bot/v1/settings',
			method: 'POST',
			data: values,
		} )
	);
}

/**
 * The review samples of a period, per reason code.
 * @param query The period (its config version is left out).
 */
export function getSamples( query: ReportQuery ): Promise< Samples > {
	const params = periodParams( { ...query, config_version: 0 } );
	return apiFetch< Samples >( {
		path: `${ REPORTS }/samples?${ params.toString() }`,
	} );
}

/**
 * Marks a sampled conversation reviewed (or not), with a note.
 * @param conversationId The conversation.
 * @param reviewed       Whether it was reviewed.
 * @param note           The note.
 */
export function markSample(
	conversationId: number,
	reviewed: boolean,
	note: string
): Promise< ReviewMark & { conversation_id: number } > {
	return apiFetch( {
		path: `${ REPORTS }/samples/${ conversationId }`,
		method: 'PUT',
		data: { reviewed, note },
	} );
}

/**
 * A monthly (`2026-11`) or quarterly (`2026-Q4`) review.
 * @param review The review's period.
 */
export function getReview( review: string ): Promise< Review > {
	return apiFetch< Review >( {
		path: `${ REPORTS }/reviews/${ encodeURIComponent( review ) }`,
	} );
}

/**
 * Ticks (or unticks) a review item, with a note.
 * @param review The review's period.
 * @param item   The item.
 * @param done   Whether it is done.
 * @param note   The note.
 */
export function saveReviewItem(
	review: string,
	item: string,
	done: boolean,
	note: string
): Promise< ReviewItem > {
	return apiFetch< ReviewItem >( {
		path: `${ REPORTS }/reviews/${ encodeURIComponent(
			review
		) }/items/${ encodeURIComponent( item ) }`,
		method: 'PUT',
		data: { done, note },
	} );
}

/** The newest release checkpoints. */
export async function getCheckpoints(): Promise< Checkpoint[] > {
	const { items } = await getPage< Checkpoint >(
		`${ REPORTS }/checkpoints?per_page=20`
	);
	return items;
}

/**
 * One checkpoint, with expected against actual once it is ready.
 * @param id The checkpoint.
 */
export function getCheckpoint( id: number ): Promise< Checkpoint > {
	return apiFetch< Checkpoint >( {
		path: `${ REPORTS }/checkpoints/${ id }`,
	} );
}

/**
 * Marks a checkpoint re-checked, with a note.
 * @param id   The checkpoint.
 * @param note The note.
 */
export function checkCheckpoint(
	id: number,
	note: string
): Promise< Checkpoint > {
	return apiFetch< Checkpoint >( {
		path: `${ REPORTS }/checkpoints/${ id }/check`,
		method: 'PUT',
		data: { note },
	} );
}

/**
 * Records what was tuned after the change.
 * @param id    The checkpoint.
 * @param tuned What was tuned.
 */
export function documentCheckpoint(
	id: number,
	tuned: string
): Promise< Checkpoint > {
	return apiFetch< Checkpoint >( {
		path: `${ REPORTS }/checkpoints/${ id }/documentation`,
		method: 'PUT',
		data: { tuned },
	} );
}
